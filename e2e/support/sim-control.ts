// A tiny client for the simulator's ground truth and control API (/__sim/*), used by specs to set up
// situations (a stalled trade, an expired token, a dropped socket) and to check the board against it.
import { e2eEnv } from "./env";

export interface SimTarget {
  url: string;
  apiKey: string;
}

/** The simulator the global setup started (shared by most specs). */
export function sharedSimTarget(): SimTarget {
  return { url: e2eEnv("E2E_SIM_URL"), apiKey: e2eEnv("E2E_SIM_API_KEY") };
}

export async function simRequestTo<T = unknown>(target: SimTarget, method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${target.url}${path}`, {
    method,
    headers: { "api-key": target.apiKey, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const envelope = (await response.json()) as { success: boolean; data?: T; error?: { key: string; message: unknown } };
  if (!response.ok || !envelope.success) {
    throw new Error(`simulator ${method} ${path} → ${response.status} ${JSON.stringify(envelope.error)}`);
  }
  return envelope.data as T;
}

export function simRequest<T = unknown>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  return simRequestTo<T>(sharedSimTarget(), method, path, body);
}

/** The fields of a simulator (wire) trade the specs look at. */
export interface SimTrade {
  id: string;
  status: string;
  game: string;
  type: string;
  externalId?: string;
  clientSteamID: string;
  offerID?: string;
  items: { name: string }[];
  updatedAt: string;
}

/**
 * For a spec file that creates its own trades: the shared simulator emits no random trades while the
 * file runs (its rate is 0), and gets its earlier rate back afterwards.
 */
export function quietSimulatorDuring(test: { beforeAll(fn: () => Promise<void>): void; afterAll(fn: () => Promise<void>): void }): void {
  let previousRate = 2;
  test.beforeAll(async () => {
    const state = await simRequest<{ rate: number }>("GET", "/__sim/state?ids=none");
    previousRate = state.rate;
    await simRequest("POST", "/__sim/rate", { rate: 0 });
  });
  test.afterAll(async () => {
    await simRequest("POST", "/__sim/rate", { rate: previousRate });
  });
}

/** A word no catalog item or id contains, so a search for it finds exactly this test's trades. */
export function uniqueTag(label: string): string {
  return `zq${label}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
