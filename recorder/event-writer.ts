// Turns socket events into database writes: parses each payload at the edge with lib/wire (the same
// rules as the browser), drops malformed ones with a counted reason, and writes the rest in small
// batches, in arrival order, one batch at a time. Writes are newer-only and idempotent, so a replayed
// or duplicated event is harmless. Never stores a payload lib/wire rejected.
import "server-only";
import type { Database } from "@/lib/db/database";
import { type FundingVersion, recordFunding } from "@/lib/db/funding-writes";
import { type TradeVersion, recordTrades } from "@/lib/db/trade-writes";
import { fundingStampMs } from "@/lib/trades/funding-stamp";
import { parseFundingEvent } from "@/lib/wire/parse-funding";
import { parseTradeEvent } from "@/lib/wire/parse-trade";
import type { SocketEventName } from "@/lib/wire/socket-events";

const MAX_BATCH = 250;
/** Beyond this backlog (the database is down or far too slow) new events are dropped and counted; reconciliation repairs trades later. */
export const MAX_QUEUE = 50_000;

interface QueuedEvent {
  event: SocketEventName;
  payload: unknown;
  receivedAt: number;
  /** Only for `record()`: told whether this event was written, refused as malformed, or lost to a write error. */
  settle?: (result: RecordResult) => void;
}

export type RecordResult = { ok: true } | { ok: false; malformed: boolean; reason: string };

export interface WriterStats {
  recorded: number;
  malformed: number;
  dropped: number;
  lastEventAt: number | null;
  lastEventLagMs: number | null;
}

export interface EventWriterOptions {
  db: Database;
  log: (line: string) => void;
  onStats?: (stats: WriterStats) => void;
  onWriteError?: (message: string) => void;
}

export interface EventWriter {
  push(event: SocketEventName, payload: unknown, receivedAt: number): void;
  /**
   * The same path as `push` (a forwarded callback is recorded exactly like a socket event), but waits
   * for this event's batch: resolves written, malformed (nothing stored), or not written (database
   * error or backlog full), so the caller can tell its sender whether to retry.
   */
  record(event: SocketEventName, payload: unknown, receivedAt: number): Promise<RecordResult>;
  /** Resolves when everything queued so far is written (or failed). */
  drain(): Promise<void>;
  stats(): WriterStats;
}

function payloadOf(payload: unknown, key: "trade" | "funding"): unknown {
  return typeof payload === "object" && payload !== null && key in payload ? (payload as Record<string, unknown>)[key] : undefined;
}

/** The id a queued event's write would be named by in a refusal line (`trade <id>: …`). */
function idOf(item: QueuedEvent): string | null {
  const inner = payloadOf(item.payload, item.event === "trade" ? "trade" : "funding");
  return typeof inner === "object" && inner !== null && "id" in inner && typeof inner.id === "string" ? inner.id : null;
}

/** The first malformed reasons are logged one per line; after that only counted (health shows the total). */
const LOGGED_MALFORMED = 20;

export function createEventWriter(options: EventWriterOptions): EventWriter {
  const queue: QueuedEvent[] = [];
  const stats: WriterStats = { recorded: 0, malformed: 0, dropped: 0, lastEventAt: null, lastEventLagMs: null };
  let running: Promise<void> | null = null;

  function malformed(event: string, reason: string): void {
    stats.malformed += 1;
    if (stats.malformed <= LOGGED_MALFORMED) options.log(`ignored a malformed ${event} event: ${reason}`);
    if (stats.malformed === LOGGED_MALFORMED) options.log("further malformed events are counted in the health report only");
  }

  async function writeBatch(batch: QueuedEvent[]): Promise<void> {
    const trades: TradeVersion[] = [];
    const funding: FundingVersion[] = [];
    const waiting: QueuedEvent[] = [];
    let newest = 0;
    for (const item of batch) {
      newest = Math.max(newest, item.receivedAt);
      if (item.event === "trade") {
        const parsed = parseTradeEvent(item.payload);
        if (!parsed.ok) {
          malformed(item.event, parsed.reason);
          item.settle?.({ ok: false, malformed: true, reason: parsed.reason });
        } else {
          if (item.settle) waiting.push(item);
          trades.push({ trade: parsed.value, payload: payloadOf(item.payload, "trade") });
          stats.lastEventLagMs = item.receivedAt - Date.parse(parsed.value.updatedAt);
        }
      } else {
        const parsed = parseFundingEvent(item.event, item.payload);
        if (!parsed.ok) {
          malformed(item.event, parsed.reason);
          item.settle?.({ ok: false, malformed: true, reason: parsed.reason });
        } else {
          if (item.settle) waiting.push(item);
          funding.push({ funding: parsed.value, format: "event", payload: payloadOf(item.payload, "funding") });
          stats.lastEventLagMs = item.receivedAt - fundingStampMs(parsed.value);
        }
      }
    }
    try {
      const [tradeCounts, fundingCounts] = [await recordTrades(options.db, trades, newest), await recordFunding(options.db, funding, newest)];
      for (const reason of [...tradeCounts.refused, ...fundingCounts.refused]) malformed("stored", reason);
      stats.recorded += trades.length + funding.length - tradeCounts.refused.length - fundingCounts.refused.length;
      // A version the database refused (out-of-range time, oversized payload) is named in `refused`;
      // a waiting caller whose event is among them is told so. The rest were written.
      const refused = [...tradeCounts.refused, ...fundingCounts.refused];
      for (const item of waiting) {
        const id = idOf(item);
        const reason = id === null ? undefined : refused.find((line) => line.includes(` ${id.slice(0, 64)}:`));
        item.settle?.(reason === undefined ? { ok: true } : { ok: false, malformed: true, reason });
      }
    } catch (error) {
      const message = `could not write ${trades.length + funding.length} events: ${error instanceof Error ? error.message : String(error)}`;
      options.log(message);
      options.onWriteError?.(message);
      for (const item of waiting) item.settle?.({ ok: false, malformed: false, reason: "the recorder could not write to its database" });
    }
    stats.lastEventAt = Math.max(stats.lastEventAt ?? 0, newest);
    options.onStats?.({ ...stats });
  }

  async function run(): Promise<void> {
    while (queue.length > 0) await writeBatch(queue.splice(0, MAX_BATCH));
  }

  function kick(): Promise<void> {
    running ??= run().finally(() => {
      running = null;
      // Events pushed while the last batch was finishing.
      if (queue.length > 0) void kick();
    });
    return running;
  }

  function enqueue(item: QueuedEvent): boolean {
    if (queue.length >= MAX_QUEUE) {
      stats.dropped += 1;
      if (stats.dropped === 1) options.log(`write backlog over ${MAX_QUEUE} events: dropping new ones until it shrinks`);
      return false;
    }
    queue.push(item);
    void kick();
    return true;
  }

  return {
    push(event, payload, receivedAt) {
      enqueue({ event, payload, receivedAt });
    },
    record(event, payload, receivedAt) {
      return new Promise<RecordResult>((settle) => {
        if (!enqueue({ event, payload, receivedAt, settle })) settle({ ok: false, malformed: false, reason: "the recorder's write backlog is full" });
      });
    },
    async drain() {
      while (running || queue.length > 0) await kick();
    },
    stats: () => ({ ...stats }),
  };
}
