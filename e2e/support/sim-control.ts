// A tiny client for the simulator's ground truth and control API (/__sim/*), used by specs to set up
// situations (a stalled trade, an expired token, a dropped socket) and to check the board against it.
import { e2eEnv } from "./env";

export async function simRequest<T = unknown>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${e2eEnv("E2E_SIM_URL")}${path}`, {
    method,
    headers: { "api-key": e2eEnv("E2E_SIM_API_KEY"), "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const envelope = (await response.json()) as { success: boolean; data?: T; error?: { key: string; message: unknown } };
  if (!response.ok || !envelope.success) {
    throw new Error(`simulator ${method} ${path} → ${response.status} ${JSON.stringify(envelope.error)}`);
  }
  return envelope.data as T;
}
