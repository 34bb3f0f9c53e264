// A second subscriber to the simulator's socket, in the bench's own Node process: when a probe's event
// reaches it, compared with when the same event reached the page, separates the simulator's side of
// "delivery" (its event loop, Socket.IO, the kernel) from Chromium's (network service, IPC, and the
// wait for the renderer's main thread). Bench-only. It adds a socket's worth of parsing to the shared
// cores, so it runs only when asked (BENCH_OBSERVER=1).
import { io, type Socket } from "socket.io-client";
import type { SimTarget } from "@/e2e/support/sim-control";

export interface SocketObserver {
  /** Epoch ms at which the event moving `id` to `updatedAt` reached this process; undefined if it did not. */
  arrivedAt(id: string, updatedAt: string): number | undefined;
  stop(): void;
}

function keyOf(id: string, updatedAt: string): string {
  return `${id}|${updatedAt}`;
}

/** Watches the trades `ids` (the probes); other trades' events are ignored. */
export async function startSocketObserver(sim: SimTarget, ids: readonly string[]): Promise<SocketObserver> {
  const watched = new Set(ids);
  const arrivals = new Map<string, number>();
  const socket: Socket = io(sim.url, { transports: ["websocket"], query: { apiKey: sim.apiKey }, reconnection: true });
  socket.on("trade", (payload: unknown) => {
    const at = Date.now();
    const trade = (payload as { trade?: { id?: unknown; updatedAt?: unknown } } | null)?.trade;
    if (typeof trade?.id !== "string" || typeof trade.updatedAt !== "string" || !watched.has(trade.id)) return;
    const key = keyOf(trade.id, trade.updatedAt);
    if (!arrivals.has(key)) arrivals.set(key, at);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.disconnect();
      reject(new Error("socket observer: no connection to the simulator in 10 s"));
    }, 10_000);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    arrivedAt: (id, updatedAt) => arrivals.get(keyOf(id, updatedAt)),
    stop: () => {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
