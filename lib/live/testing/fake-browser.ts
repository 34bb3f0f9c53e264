// Test-only fakes for the live session's outside world: a Socket.IO client socket the test drives by
// hand, the dashboard's three routes (token, snapshot, resync) behind a fake `fetch`, and the document
// and window whose events the session listens to. Never import from app code.
import { vi } from "vitest";
import { T0, iso } from "@/lib/trades/test-fixtures";

/** Just enough of a Socket.IO client socket for the connection manager; tests fire its events. */
export class FakeSocket {
  connected = false;
  disconnects = 0;
  io = { opts: { query: {} as Record<string, string> } };
  /** The token in the query at each connect() call. */
  connectCalls: string[] = [];
  private handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  connect() {
    this.connectCalls.push(this.io.opts.query.token ?? "");
    return this;
  }
  disconnect() {
    this.disconnects += 1;
    this.connected = false;
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    if (event === "connect") this.connected = true;
    if (event === "disconnect") this.connected = false;
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

/** An empty recorder snapshot, as /api/snapshot answers on a fresh install. */
export const emptySnapshot = () => json(200, { at: iso(T0), trades: [], funding: [], truncated: false });

export const validToken = () => json(200, { token: "tok-1", expiresAt: iso(Date.now() + 900_000), wsUrl: "ws://sim" });

export type RouteHandler = (body: unknown) => Response | Promise<Response>;

/**
 * A fake `fetch` for the dashboard's routes. Each route answers with its handler (by default: a valid
 * token, an empty snapshot, an empty resync); every request is recorded with its parsed JSON body.
 */
export function fakeRoutes(handlers: Partial<Record<"token" | "snapshot" | "resync", RouteHandler>> = {}) {
  const requests: { route: "token" | "snapshot" | "resync"; body: unknown }[] = [];
  const routes: Record<string, "token" | "snapshot" | "resync"> = {
    "/api/assetpay/token": "token",
    "/api/snapshot": "snapshot",
    "/api/assetpay/resync": "resync",
  };
  const defaults: Record<"token" | "snapshot" | "resync", RouteHandler> = {
    token: validToken,
    snapshot: emptySnapshot,
    resync: () => json(200, { trades: [], funding: [] }),
  };
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const route = routes[url];
    if (!route) throw new Error(`unexpected request to ${url}`);
    const body: unknown = typeof init?.body === "string" ? JSON.parse(init.body) : null;
    requests.push({ route, body });
    return (handlers[route] ?? defaults[route])(body);
  });
  return {
    fetch,
    requests,
    count: (route: "token" | "snapshot" | "resync") => requests.filter((r) => r.route === route).length,
    /** The trade ids each resync asked for, in order. */
    resyncIds: () => requests.filter((r) => r.route === "resync").map((r) => (r.body as { tradeIds: string[] }).tradeIds),
  };
}

/** The document and window the session listens to; `visibility` changes what the document reports. */
export function fakeDocumentAndWindow() {
  const document = Object.assign(new EventTarget(), { visibilityState: "visible" as DocumentVisibilityState });
  const window = new EventTarget();
  return {
    document,
    window,
    setVisibility(state: DocumentVisibilityState) {
      document.visibilityState = state;
      document.dispatchEvent(new Event("visibilitychange"));
    },
  };
}
