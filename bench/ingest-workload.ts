// Builds the Node ingest benchmark's workload: realistic trade payloads taken from the simulator's
// engine (items, icons, stickers, as they go on the wire), each replayed as a series of newer versions.
// Events are produced on demand as socket frames (JSON text), so the heap holds only the base trades,
// as a browser's would. Bench-only; deterministic for a given seed. Never imported by app code.
import { Engine } from "@/sim/engine/engine";

/** One trade's life as the socket reports it: every step is a newer version (updatedAt +1 s). */
export const PATH = ["initiated", "pending", "active", "active", "hold", "hold", "hold", "hold", "hold", "completed"] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Distinct wire trades from a simulator engine run on a manual clock (no timers, no sockets). */
export function simulatorTrades(count: number, seed = "bench-ingest"): Record<string, unknown>[] {
  let now = Date.parse("2026-05-01T10:00:00.000Z");
  const engine = new Engine({
    merchantId: "mrc_bench",
    seed,
    speed: 1,
    rate: Math.max(100, Math.ceil(count / 20)),
    initialTrades: 0,
    maxTerminalTrades: count * 2,
    clock: { now: () => now },
  });
  const seen = new Map<string, Record<string, unknown>>();
  engine.onEmission((emission) => {
    if (emission.event !== "trade" || !isRecord(emission.payload)) return;
    const trade = emission.payload.trade;
    if (isRecord(trade) && typeof trade.id === "string" && !seen.has(trade.id) && seen.size < count) {
      seen.set(trade.id, JSON.parse(JSON.stringify(trade)) as Record<string, unknown>);
    }
  });
  for (let step = 0; step < 10_000 && seen.size < count; step += 1) {
    now += 1000;
    engine.tick();
  }
  engine.stop();
  if (seen.size < count) throw new Error(`simulator produced only ${seen.size} of ${count} trades`);
  return [...seen.values()];
}

export interface IngestWorkload {
  trades: number;
  events: number;
  /** The i-th event's `trade` payload as the socket frame carries it (JSON text). */
  frame(i: number): string;
  meanFrameBytes: number;
}

/**
 * `trades × PATH.length` events, interleaved the way a busy merchant's feed is: trades in blocks of
 * `block`, each block stepping all its trades one version at a time.
 */
export function buildIngestWorkload(trades = 20_000, block = 1000): IngestWorkload {
  const bases = simulatorTrades(trades);
  const perBlock = block * PATH.length;
  const frame = (i: number): string => {
    const start = Math.floor(i / perBlock) * block;
    const within = i % perBlock;
    const size = Math.min(block, bases.length - start);
    const version = Math.floor(within / size);
    const base = bases[start + (within % size)];
    const status = PATH[version];
    if (!base || !status) throw new RangeError(`event ${i} is outside the workload`);
    const created = typeof base.createdAt === "string" ? Date.parse(base.createdAt) : 0;
    return JSON.stringify({ trade: { ...base, status, updatedAt: new Date(created + (version + 1) * 1000).toISOString() } });
  };
  let bytes = 0;
  for (let i = 0; i < 200; i += 1) bytes += frame(i).length;
  return { trades: bases.length, events: bases.length * PATH.length, frame, meanFrameBytes: Math.round(bytes / 200) };
}
