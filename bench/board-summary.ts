// Board summary benchmark: what the trade board derives from the store (facet counts, money in hold,
// stalled count, the filtered and sorted ids) over 100,000 held trades, through the real store and the
// board's one engine, lib/trades/board-summary.ts, given what use-board-summary gives it (the store's
// trade Map, a stall clock reading, the filter and the sort). The summarizer remembers its previous
// pass, so the figures that matter under a busy socket are the passes after a batch of changes; a new
// filter or sort (a click) rebuilds. Prints figures; asserts nothing on time.
import { parseSocketEvent } from "@/lib/live/parse-socket-event";
import { createOpsStore } from "@/lib/store/ops-store";
import { createBoardSummarizer } from "@/lib/trades/board-summary";
import { DEFAULT_STALL_LIMITS } from "@/lib/trades/stall-rules";
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { DEFAULT_TRADE_FILTER } from "@/lib/trades/trade-filter";
import { ms, summarize } from "./support";

const STATUSES = ["initiated", "pending", "active", "hold", "completed", "completed", "completed", "failed"] as const;

function tradeEvent(i: number, version: number) {
  return parseSocketEvent(
    "trade",
    {
      trade: wireTrade({
        id: `bench-${i}`,
        externalId: `ord-${i}`,
        status: STATUSES[(i + version) % STATUSES.length],
        game: i % 3 === 0 ? "252490" : "730",
        totalPrice: (i % 997) / 7,
        createdAt: iso(T0 + i * 10),
        updatedAt: iso(T0 + i * 10 + version * 60_000),
      }),
    },
    T0,
  );
}

export function runBoardSummaryBench(options: { trades?: number; log?: (line: string) => void } = {}): void {
  const log = options.log ?? console.log;
  const count = options.trades ?? 100_000;
  const store = createOpsStore({ now: T0 });
  for (let start = 0; start < count; start += 1000) {
    store.getState().ingest(Array.from({ length: Math.min(1000, count - start) }, (_, k) => tradeEvent(start + k, 0)));
  }
  const trades = () => store.getState().trades;
  const now = T0 + 3_600_000;
  const summarizer = createBoardSummarizer(DEFAULT_STALL_LIMITS);
  const time = (run: () => void): number => {
    const t0 = performance.now();
    run();
    return performance.now() - t0;
  };
  const first = time(() => summarizer(trades(), now, DEFAULT_TRADE_FILTER, "activity"));
  log(`board summary over ${trades().size.toLocaleString("en")} trades: first pass (builds everything) ${ms(first)}`);

  const rows: [string, number[]][] = [
    ["pass with nothing changed", []],
    ["pass after 100 events", []],
    ["pass after 1,000 events", []],
    ["new filter (CS2), rebuild", []],
    ["new sort (value), rebuild", []],
    ["Stalled view", []],
  ];
  let version = 1;
  let next = 0;
  const changeSome = (n: number) => {
    const events = Array.from({ length: n }, () => tradeEvent((next = (next + 7919) % count), version));
    version += 1;
    store.getState().ingest(events);
  };
  for (let round = 0; round < 15; round += 1) {
    rows[0]?.[1].push(time(() => summarizer(trades(), now, DEFAULT_TRADE_FILTER, "activity")));
    changeSome(100);
    rows[1]?.[1].push(time(() => summarizer(trades(), now, DEFAULT_TRADE_FILTER, "activity")));
    changeSome(1000);
    rows[2]?.[1].push(time(() => summarizer(trades(), now, DEFAULT_TRADE_FILTER, "activity")));
    rows[3]?.[1].push(time(() => summarizer(trades(), now, { ...DEFAULT_TRADE_FILTER, game: "cs2" }, "activity")));
    rows[4]?.[1].push(time(() => summarizer(trades(), now, { ...DEFAULT_TRADE_FILTER, game: "cs2" }, "value")));
    rows[5]?.[1].push(time(() => summarizer(trades(), now, { ...DEFAULT_TRADE_FILTER, game: "cs2", stalledOnly: true }, "value")));
    summarizer(trades(), now, DEFAULT_TRADE_FILTER, "activity");
  }
  for (const [label, samples] of rows) {
    const s = summarize(samples.slice(3)); // the first rounds warm up the JIT
    log(`  ${label}: p50 ${ms(s.p50)}, max ${ms(s.max)} (${s.n} runs)`);
  }
}

if (require.main === module) runBoardSummaryBench();
