// Test helpers for the simulator's conformance tests: start/stop an in-process simulator, call its
// REST API with fetch, and open real socket.io-client connections that record what they receive.

import { io, type Socket } from "socket.io-client";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../server";

export async function startTestSim(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, host: "127.0.0.1", seed: "test-seed", initialTrades: 0, rate: 0, speed: 60, ...options });
}

export interface ApiResult {
  status: number;
  headers: Headers;
  /** Parsed JSON; `any` only in test code, where an unexpected shape should simply fail the assertion. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  body: any;
}

export async function api(
  sim: RunningSimulator,
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string; apiKey?: string | null } = {},
): Promise<ApiResult> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const key = init.apiKey === undefined ? sim.apiKey : init.apiKey;
  if (key !== null) headers["api-key"] = key;
  const res = await fetch(`${sim.url}${path}`, {
    method: init.method ?? (init.body !== undefined || init.rawBody !== undefined ? "POST" : "GET"),
    headers,
    ...(init.rawBody !== undefined ? { body: init.rawBody } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** POST to the control API and return `data`, failing loudly on an error envelope (`any`: as above). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function control(sim: RunningSimulator, path: string, body: unknown = {}): Promise<any> {
  const result = await api(sim, `/__sim/${path}`, { method: "POST", body });
  if (result.status !== 200 || result.body.success !== true) {
    throw new Error(`control ${path} failed: ${result.status} ${JSON.stringify(result.body)}`);
  }
  return result.body.data;
}

export interface Received {
  event: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code: a wrong shape fails the assertion
  payload: any;
  at: number;
}

export interface TestSocket {
  socket: Socket;
  events: Received[];
  /** Resolves with the disconnect reason. */
  disconnected: Promise<string>;
  /** Resolves true on connect, false on connect_error. */
  connected: Promise<boolean>;
  close(): void;
}

export function connectSocket(sim: RunningSimulator, query: Record<string, string>, transports: string[] = ["websocket"]): TestSocket {
  const socket = io(sim.url, { transports, query, reconnection: false, forceNew: true, timeout: 10_000 });
  const events: Received[] = [];
  socket.onAny((event: string, payload: unknown) => events.push({ event, payload, at: Date.now() }));
  const disconnected = new Promise<string>((resolve) => socket.on("disconnect", (reason) => resolve(reason)));
  const connected = new Promise<boolean>((resolve) => {
    socket.once("connect", () => resolve(true));
    socket.once("connect_error", () => resolve(false));
  });
  return { socket, events, disconnected, connected, close: () => socket.close() };
}

export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000, label = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await sleep(25);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves with the value, or "timeout" after `ms`. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | "timeout"> {
  return Promise.race([promise, sleep(ms).then(() => "timeout" as const)]);
}
