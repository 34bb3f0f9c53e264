// The board's summarizer against the real store (its journaling TradeMap, eviction, unverified marks),
// checked after every batch against a from-scratch reading of the same records.
import { describe, expect, it } from "vitest";
import { naiveBoardSummary } from "@/lib/trades/board-oracle.testing";
import { createBoardSummarizer } from "@/lib/trades/board-summary";
import { DEFAULT_STALL_LIMITS } from "@/lib/trades/stall-rules";
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { DEFAULT_TRADE_FILTER, type TradeFilter } from "@/lib/trades/trade-filter";
import type { TradeSortKey } from "@/lib/trades/trade-sort";
import { parseSocketEvent } from "@/lib/live/parse-socket-event";
import type { OpsEvent } from "./ingest";
import { createOpsStore } from "./ops-store";

const STATUSES = ["initiated", "pending", "active", "hold", "completed", "failed", "canceled"] as const;

describe("board summary over the live store", () => {
  it("lists exactly what a from-scratch pass lists, through evictions, stale and duplicate events, and reconnects", () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const store = createOpsStore({ now: T0, retentionCap: 400 });
    const versions = new Map<string, number>();
    const event = (id: string, status: string, version: number, extra: Record<string, unknown> = {}): OpsEvent =>
      parseSocketEvent("trade", { trade: wireTrade({ id, status, createdAt: iso(T0), updatedAt: iso(T0 + version * 1000), ...extra }) }, T0);
    const probes = Array.from({ length: 24 }, (_, i) => `probe-${i}`);
    for (const id of probes) {
      versions.set(id, 1);
      store.getState().ingest([event(id, "active", 1, { externalId: `probe-run-${id}` })]);
    }
    const summarize = createBoardSummarizer(DEFAULT_STALL_LIMITS);
    const views: [TradeFilter, TradeSortKey][] = [
      [{ ...DEFAULT_TRADE_FILTER, search: "probe-run" }, "activity"],
      [DEFAULT_TRADE_FILTER, "activity"],
      [{ ...DEFAULT_TRADE_FILTER, statuses: ["active", "hold"] }, "age"],
    ];
    let view = views[0] ?? [DEFAULT_TRADE_FILTER, "activity"];
    let serial = 0;
    for (let step = 0; step < 600; step += 1) {
      const batch: OpsEvent[] = [];
      for (let k = Math.floor(rand() * 40); k > 0; k -= 1) {
        const roll = rand();
        const known = [...versions.keys()];
        if (roll < 0.4 || known.length === 0) {
          const id = `t-${serial++}`;
          versions.set(id, 1);
          batch.push(event(id, STATUSES[Math.floor(rand() * STATUSES.length)] ?? "completed", 1));
        } else {
          const id = known[Math.floor(rand() * known.length)] ?? "t-0";
          const v = versions.get(id) ?? 1;
          const kind = rand();
          const version = kind < 0.1 ? v - 1 : kind < 0.2 ? v : v + 1; // stale, duplicate, newer
          if (version > v) versions.set(id, version);
          const status = id.startsWith("probe-") ? (version % 2 ? "active" : "hold") : (STATUSES[Math.floor(rand() * STATUSES.length)] ?? "hold");
          batch.push(event(id, status, Math.max(0, version), id.startsWith("probe-") ? { externalId: `probe-run-${id}` } : {}));
        }
      }
      store.getState().ingest(batch);
      if (rand() < 0.03) store.getState().markUnverified();
      if (rand() < 0.05) view = views[Math.floor(rand() * views.length)] ?? view;

      const state = store.getState();
      const now = T0 + step * 5_000;
      const [filter, sort] = view;
      const got = summarize(state.trades, now, filter, sort);
      const want = naiveBoardSummary(state.trades.values(), now, filter, sort, DEFAULT_STALL_LIMITS).ids;
      expect(got.ids, `step ${step}`).toEqual(want);
      expect(got.facets.total).toBe(state.trades.size);
    }
    // Evictions really happened, so the journal carried deletions.
    expect(store.getState().retention.evicted).toBeGreaterThan(0);
  });
});
