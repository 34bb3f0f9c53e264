import { describe, expect, it } from "vitest";
import { type BoardRecord, createBoardSummarizer } from "./board-summary";
import { DEFAULT_TRADE_FILTER, TRADE_SORTS, type TradeFilter, type TradeSortKey, buildSearchText, compileFilter } from "./filters";
import { DEFAULT_STALL_LIMITS, type StallLimits, assessStall } from "./stall-rules";
import { T0, iso, makeTrade } from "./test-fixtures";
import type { Trade } from "./types";

function record(trade: Trade, opts: { verified?: boolean; enteredMs?: number } = {}): BoardRecord {
  const entered = opts.enteredMs ?? Date.parse(trade.updatedAt);
  return {
    trade,
    searchText: buildSearchText(trade),
    updatedAtMs: Date.parse(trade.updatedAt),
    enteredStatusAt: iso(entered),
    enteredStatusAtMs: entered,
    verified: opts.verified ?? true,
  };
}

const filter = (patch: Partial<TradeFilter>): TradeFilter => ({ ...DEFAULT_TRADE_FILTER, ...patch });

/** The obvious implementation from lib/trades' own rules; the summarizer must agree with it exactly. */
function reference(records: readonly BoardRecord[], nowMs: number, f: TradeFilter, sort: TradeSortKey, limits: StallLimits) {
  const matches = compileFilter(f);
  const stalled = (r: BoardRecord) => assessStall(r.trade, r.enteredStatusAt, nowMs, limits).stalled;
  return {
    ids: records
      .filter((r) => matches(r, stalled(r)))
      .sort(TRADE_SORTS[sort])
      .map((r) => r.trade.id),
    stalled: records.filter(stalled).length,
  };
}

describe("createBoardSummarizer", () => {
  const records = [
    record(makeTrade({ id: "h1", status: "hold", totalPrice: 0.1, updatedAt: iso(T0 + 1) })),
    record(makeTrade({ id: "h2", status: "hold", totalPrice: 0.2, updatedAt: iso(T0 + 2) })),
    record(makeTrade({ id: "h3", status: "escrow", game: "rust", gameId: "252490", totalPrice: 5, updatedAt: iso(T0 + 3) })),
    record(makeTrade({ id: "a1", status: "active", totalPrice: 100, updatedAt: iso(T0 + 4) }), { verified: false }),
    record(makeTrade({ id: "c1", status: "completed", totalPrice: 50, updatedAt: iso(T0 + 5) }), { verified: false }),
  ];
  const summarize = createBoardSummarizer(DEFAULT_STALL_LIMITS);

  it("sums value in hold per game in cents (no float drift) and counts in flight", () => {
    const s = summarize(records, T0, DEFAULT_TRADE_FILTER, "activity");
    expect(s.inHoldUsd).toEqual({ cs2: 0.3, rust: 5, other: 0 });
    expect(s.inHoldCount).toEqual({ cs2: 2, rust: 1, other: 0 });
    expect(s.inFlight).toBe(4);
    // A terminal trade is settled whatever happened to the connection.
    expect(s.unverified).toBe(1);
  });

  it("shows every trade, terminal ones too, newest activity first with no filter", () => {
    const s = summarize(records, T0, DEFAULT_TRADE_FILTER, "activity");
    expect(s.ids).toEqual(["c1", "a1", "h3", "h2", "h1"]);
    expect(s.facets.total).toBe(5);
  });

  it("counts facets over everything while listing only matches, in the chosen order", () => {
    const at = T0 + 21 * 60_000; // a1 (active) is past the 20 min limit; holds without an end date are not yet
    const s = summarize(records, at, filter({ game: "cs2" }), "value");
    expect(s.ids).toEqual(["a1", "c1", "h2", "h1"]);
    expect(s.facets.games).toEqual({ cs2: 4, rust: 1, other: 0 });
    expect(s.facets.stalled).toBe(1);
    expect(summarize(records, at, filter({ stalledOnly: true }), "activity").ids).toEqual(["a1"]);
  });

  it("uses the limits it was made with", () => {
    const strict = createBoardSummarizer({ ...DEFAULT_STALL_LIMITS, activeMs: 60_000 });
    expect(strict(records, T0 + 2 * 60_000, filter({ stalledOnly: true }), "activity").ids).toEqual(["a1"]);
    expect(summarize(records, T0 + 2 * 60_000, filter({ stalledOnly: true }), "activity").ids).toEqual([]);
  });

  it("agrees exactly with lib/trades' filter, sort and stall rules on varied trades, over time", () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
    const statuses = ["initiated", "pending", "active", "hold", "escrow", "completed", "failed", "unknown"] as const;
    const many: BoardRecord[] = [];
    for (let i = 0; i < 400; i += 1) {
      const status = pick(statuses);
      const at = T0 + Math.floor(rand() * 3_600) * 1000;
      const trade = makeTrade({
        id: `t-${Math.floor(rand() * 1e6)}-${i}`,
        status,
        rawStatus: status === "unknown" ? "MYSTERY" : status,
        type: rand() < 0.5 ? "deposit" : "withdraw",
        game: pick(["cs2", "rust", "other"] as const),
        totalPrice: Math.floor(rand() * 20),
        updatedAt: iso(at),
        ...(rand() < 0.3 ? { holdEndDate: iso(at + Math.floor(rand() * 7_200) * 1000) } : {}),
        ...(rand() < 0.3 ? { autoCancelAt: iso(at + Math.floor(rand() * 1_800) * 1000) } : {}),
        ...(rand() < 0.3 ? { activeAt: iso(at - 60_000) } : {}),
        items: [{ id: `i-${i}`, name: pick(["AK-47 | Redline", "Karambit | Fade", "Tempered AK47"]) }],
      });
      many.push(record(trade, { verified: rand() < 0.8 }));
    }
    const filters = [
      DEFAULT_TRADE_FILTER,
      filter({ game: "cs2" }),
      filter({ game: "rust", types: ["withdraw"] }),
      filter({ statuses: ["active", "hold", "unknown"] }),
      filter({ stalledOnly: true }),
      filter({ search: " karambit " }),
      filter({ stalledOnly: true, game: "rust", search: "ak" }),
    ];
    const limits = { ...DEFAULT_STALL_LIMITS, activeMs: 10 * 60_000, holdOverrunMs: 30 * 60_000 };
    const summarizeMany = createBoardSummarizer(limits);
    for (const offset of [0, 5 * 60_000, 30 * 60_000, 3 * 3_600_000, 10 * 86_400_000]) {
      for (const f of filters) {
        for (const sort of ["activity", "age", "value"] as const) {
          const fast = summarizeMany(many, T0 + offset, f, sort);
          const slow = reference(many, T0 + offset, f, sort, limits);
          expect(fast.ids).toEqual(slow.ids);
          expect(fast.facets.stalled).toBe(slow.stalled);
        }
      }
    }
  });
});

describe("at scale", () => {
  it("summarizes, stall-checks and sorts 100,000 trades fast enough to run a few times a second", () => {
    const many: BoardRecord[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      const status = i % 4 === 0 ? "active" : i % 4 === 1 ? "hold" : "completed";
      const trade = makeTrade({
        id: `t-${i}`,
        status,
        game: i % 3 === 0 ? "rust" : "cs2",
        totalPrice: (i % 997) / 7,
        updatedAt: iso(T0 + ((i * 7919) % 100_000) * 1000),
        // Varied optional fields, as parsed wire trades have.
        ...(i % 2 ? { externalId: `ord-${i}` } : {}),
        ...(i % 5 ? { offerId: String(6_000_000_000 + i) } : {}),
        ...(i % 7 ? { holdEndDate: iso(T0 + 86_400_000) } : {}),
      });
      many.push(i % 3 ? record(trade) : { ...record(trade), verified: false });
    }
    const summarize = createBoardSummarizer(DEFAULT_STALL_LIMITS);
    const now = T0 + 30 * 60_000;
    summarize(many, now, DEFAULT_TRADE_FILTER, "activity"); // warm up the JIT and the per-record entries
    // Best of three: the figure is about the code, not about a busy CI machine.
    let elapsed = Number.POSITIVE_INFINITY;
    let s = summarize(many, now, DEFAULT_TRADE_FILTER, "activity");
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      s = summarize(many, now, DEFAULT_TRADE_FILTER, "activity");
      elapsed = Math.min(elapsed, performance.now() - started);
    }
    expect(s.ids).toHaveLength(100_000);
    expect(s.facets.total).toBe(100_000);
    expect(s.inFlight).toBe(50_000);
    expect(s.facets.stalled).toBe(many.filter((r) => assessStall(r.trade, r.enteredStatusAt, now).stalled).length);
    // eslint-disable-next-line no-console
    console.log(`board summary over 100,000 trades: ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(400);
  });
});
