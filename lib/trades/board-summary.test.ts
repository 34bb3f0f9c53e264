import { describe, expect, it } from "vitest";
import { naiveBoardSummary } from "./board-oracle.testing";
import { type BoardRecord, createBoardSummarizer, viewMembership } from "./board-summary";
import type { ChangeJournal } from "./change-journal";
import { buildSearchText } from "./search-text";
import { DEFAULT_STALL_LIMITS, assessStall } from "./stall-rules";
import { T0, iso, makeTrade } from "./test-fixtures";
import { DEFAULT_TRADE_FILTER, type TradeFilter } from "./trade-filter";
import type { TradeSortKey } from "./trade-sort";
import type { Trade } from "./types";

function record(trade: Trade, opts: { verified?: boolean; enteredMs?: number; missing?: boolean } = {}): BoardRecord {
  const entered = opts.enteredMs ?? Date.parse(trade.updatedAt);
  return {
    trade,
    searchText: buildSearchText(trade),
    updatedAtMs: Date.parse(trade.updatedAt),
    enteredStatusAt: iso(entered),
    enteredStatusAtMs: entered,
    verified: opts.verified ?? true,
    ...(opts.missing ? { missing: true } : {}),
  };
}

/** The store hands the summarizer its Map of records by trade id. */
const byId = (list: readonly BoardRecord[]): Map<string, BoardRecord> => new Map(list.map((r) => [r.trade.id, r]));

const filter = (patch: Partial<TradeFilter>): TradeFilter => ({ ...DEFAULT_TRADE_FILTER, ...patch });

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
    const s = summarize(byId(records), T0, DEFAULT_TRADE_FILTER, "activity");
    expect(s.inHoldUsd).toEqual({ cs2: 0.3, rust: 5, other: 0 });
    expect(s.inHoldCount).toEqual({ cs2: 2, rust: 1, other: 0 });
    expect(s.inFlight).toBe(4);
    // A terminal trade is settled whatever happened to the connection.
    expect(s.unverified).toBe(1);
  });

  it("shows every trade, terminal ones too, newest activity first with no filter", () => {
    const s = summarize(byId(records), T0, DEFAULT_TRADE_FILTER, "activity");
    expect(s.ids).toEqual(["c1", "a1", "h3", "h2", "h1"]);
    expect(s.facets.total).toBe(5);
  });

  it("counts facets over everything while listing only matches, in the chosen order", () => {
    const at = T0 + 21 * 60_000; // a1 (active) is past the 20 min limit; holds without an end date are not yet
    const s = summarize(byId(records), at, filter({ game: "cs2" }), "value");
    expect(s.ids).toEqual(["a1", "c1", "h2", "h1"]);
    expect(s.facets.games).toEqual({ cs2: 4, rust: 1, other: 0 });
    expect(s.facets.stalled).toBe(1);
    expect(summarize(byId(records), at, filter({ stalledOnly: true }), "activity").ids).toEqual(["a1"]);
  });

  it("uses the limits it was made with", () => {
    const strict = createBoardSummarizer({ ...DEFAULT_STALL_LIMITS, activeMs: 60_000 });
    expect(strict(byId(records), T0 + 2 * 60_000, filter({ stalledOnly: true }), "activity").ids).toEqual(["a1"]);
    expect(summarize(byId(records), T0 + 2 * 60_000, filter({ stalledOnly: true }), "activity").ids).toEqual([]);
  });

  it("shows a trade AssetPay no longer knows but never counts it as stalled, in flight, held or unverified", () => {
    const at = T0 + 21 * 60_000; // both active offers are past the 20 min limit
    const list = [
      record(makeTrade({ id: "a1", status: "active", updatedAt: iso(T0) }), { verified: false }),
      record(makeTrade({ id: "gone", status: "active", updatedAt: iso(T0 + 1) }), { verified: false, missing: true }),
      record(makeTrade({ id: "gone-hold", status: "hold", totalPrice: 9, updatedAt: iso(T0 + 2) }), { missing: true }),
    ];
    const s = summarize(byId(list), at, DEFAULT_TRADE_FILTER, "activity");
    expect(s.ids).toEqual(["gone-hold", "gone", "a1"]);
    expect(s.facets.stalled).toBe(1);
    expect(s).toMatchObject({ inFlight: 1, unverified: 1, inHoldCount: { cs2: 0, rust: 0, other: 0 } });
    expect(summarize(byId(list), at, filter({ stalledOnly: true }), "activity").ids).toEqual(["a1"]);
  });

  it("counts each chip within every other active filter but its own (with Rust chosen, holds are Rust holds)", () => {
    const mixed = [
      record(makeTrade({ id: "x1", status: "active" })),
      record(makeTrade({ id: "x2", type: "withdraw", status: "hold", game: "rust", gameId: "252490" })),
      record(makeTrade({ id: "x3", status: "completed" })),
      record(makeTrade({ id: "x4", game: "other", gameId: "440", status: "unknown", rawStatus: "x" })),
    ];
    // 21 minutes on: the active offer and the unknown status are past their limits; the hold is not.
    const s = summarize(byId(mixed), T0 + 21 * 60_000, filter({ game: "rust" }), "activity");
    expect(s.facets.total).toBe(4);
    // The game chips ignore the game chosen; everything else counts Rust only.
    expect(s.facets.games).toEqual({ cs2: 2, rust: 1, other: 1 });
    expect(s.facets.types).toEqual({ deposit: 0, withdraw: 1 });
    expect(s.facets.statuses).toMatchObject({ active: 0, hold: 1, completed: 0, unknown: 0, failed: 0 });
    expect(s.facets.stalled).toBe(0);
    // The KPI strip's stalled count is over everything held.
    expect(s.stalled).toBe(2);
    expect(s.ids).toEqual(["x2"]);

    const all = summarize(byId(mixed), T0 + 21 * 60_000, DEFAULT_TRADE_FILTER, "activity");
    expect(all.facets.types).toEqual({ deposit: 3, withdraw: 1 });
    expect(all.facets.statuses).toMatchObject({ active: 1, hold: 1, completed: 1, unknown: 1, failed: 0 });
    expect(all.facets.stalled).toBe(2);

    // In the Stalled view the other chips count stalled trades only; a status chosen narrows the Stalled count.
    const stalledView = summarize(byId(mixed), T0 + 21 * 60_000, filter({ stalledOnly: true }), "activity");
    expect(stalledView.facets.games).toEqual({ cs2: 1, rust: 0, other: 1 });
    expect(stalledView.facets.statuses).toMatchObject({ active: 1, hold: 0, unknown: 1 });
    expect(summarize(byId(mixed), T0 + 21 * 60_000, filter({ statuses: ["active"] }), "activity").facets.stalled).toBe(1);
  });

  it("lists the Stalled view longest-stalled first unless another order is chosen", () => {
    const list = [
      // Active offers stall 20 min after entering the status: "late" entered first, so it stalled first.
      record(makeTrade({ id: "recent", status: "active", totalPrice: 9, updatedAt: iso(T0 + 50 * 60_000) }), { enteredMs: T0 + 5 * 60_000 }),
      record(makeTrade({ id: "late", status: "active", totalPrice: 1, updatedAt: iso(T0 + 40 * 60_000) }), { enteredMs: T0 }),
    ];
    const at = T0 + 60 * 60_000;
    const fresh = createBoardSummarizer(DEFAULT_STALL_LIMITS);
    expect(fresh(byId(list), at, filter({ stalledOnly: true }), "activity").ids).toEqual(["late", "recent"]);
    expect(fresh(byId(list), at, filter({ stalledOnly: true }), "value").ids).toEqual(["recent", "late"]);
    expect(fresh(byId(list), at, DEFAULT_TRADE_FILTER, "activity").ids).toEqual(["recent", "late"]);
  });

  it("agrees exactly with the naive oracle (lib/trades' own rules, from scratch) on varied trades, over time", () => {
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
      many.push(record(trade, { verified: rand() < 0.8, missing: rand() < 0.05 }));
    }
    const filters = [
      DEFAULT_TRADE_FILTER,
      filter({ game: "cs2" }),
      filter({ game: "rust", types: ["withdraw"] }),
      filter({ statuses: ["active", "hold", "unknown"] }),
      filter({ stalledOnly: true }),
      filter({ search: " karambit " }),
      filter({ stalledOnly: true, game: "rust", search: "ak" }),
      filter({ game: "rust", statuses: ["hold", "escrow"], types: ["deposit"] }),
      filter({ stalledOnly: true, statuses: ["active"], types: ["withdraw"] }),
      filter({ onlyIds: new Set(many.filter((_, i) => i % 7 === 0).map((r) => r.trade.id)) }),
      filter({ onlyIds: new Set(many.filter((_, i) => i % 5 === 0).map((r) => r.trade.id)), stalledOnly: true }),
    ];
    const limits = { ...DEFAULT_STALL_LIMITS, activeMs: 10 * 60_000, holdOverrunMs: 30 * 60_000 };
    const summarizeMany = createBoardSummarizer(limits);
    for (const offset of [0, 5 * 60_000, 30 * 60_000, 3 * 3_600_000, 10 * 86_400_000]) {
      for (const f of filters) {
        for (const sort of ["activity", "age", "value"] as const) {
          const fast = summarizeMany(byId(many), T0 + offset, f, sort);
          expect(fast).toEqual(naiveBoardSummary(many, T0 + offset, f, sort, limits));
        }
      }
    }
  });
});

describe("remembering the previous pass", () => {
  const statuses = ["initiated", "pending", "active", "hold", "escrow", "completed", "failed", "unknown"] as const;

  function randomTrade(rand: () => number, id: string, at: number): Trade {
    const status = statuses[Math.floor(rand() * statuses.length)] ?? "active";
    return makeTrade({
      id,
      status,
      rawStatus: status === "unknown" ? "MYSTERY" : status,
      type: rand() < 0.5 ? "deposit" : "withdraw",
      game: rand() < 0.45 ? "cs2" : rand() < 0.9 ? "rust" : "other",
      totalPrice: Math.floor(rand() * 2_000) / 100,
      updatedAt: iso(at),
      ...(rand() < 0.3 ? { holdEndDate: iso(at + Math.floor(rand() * 7_200) * 1000) } : {}),
      items: [{ id: `i-${id}`, name: rand() < 0.5 ? "AK-47 | Redline" : "Karambit | Fade" }],
    });
  }

  /** Like the store's TradeMap: journals changed ids, and can forget (null) to force a full pass. */
  class JournaledMap extends Map<string, BoardRecord> implements ChangeJournal {
    log: string[] = [];
    forgetBefore = 0;
    override set(id: string, r: BoardRecord): this {
      this.log?.push(id);
      return super.set(id, r);
    }
    override delete(id: string): boolean {
      this.log.push(id);
      return super.delete(id);
    }
    get changeCursor(): number {
      return this.log.length;
    }
    changedSince(cursor: number): readonly string[] | null {
      return cursor < this.forgetBefore ? null : this.log.slice(cursor);
    }
  }

  it.each([
    ["a plain Map (identity diff)", () => new Map<string, BoardRecord>()],
    ["a journaled Map (changed ids only)", () => new JournaledMap()],
  ])("agrees with a from-scratch pass after every change on %s: inserts, updates, removals, verified flips, filter and sort switches", (_, makeTable) => {
    let seed = 7;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const limits = { ...DEFAULT_STALL_LIMITS, activeMs: 10 * 60_000, holdOverrunMs: 30 * 60_000 };
    const table = makeTable();
    for (let i = 0; i < 300; i += 1) {
      const id = `t-${i}`;
      table.set(id, record(randomTrade(rand, id, T0 + i * 1000), { verified: rand() < 0.8 }));
    }
    const filters = [
      DEFAULT_TRADE_FILTER,
      filter({ game: "rust" }),
      filter({ statuses: ["active", "hold"], types: ["deposit"] }),
      filter({ stalledOnly: true }),
      filter({ search: "karambit" }),
    ];
    const summarize = createBoardSummarizer(limits);
    let f = DEFAULT_TRADE_FILTER;
    let sort: TradeSortKey = "activity";
    let serial = 300;
    for (let step = 0; step < 400; step += 1) {
      const now = T0 + step * 30_000;
      // Mutate the Map in place, as the store does.
      const changes = Math.floor(rand() * 8);
      for (let c = 0; c < changes; c += 1) {
        const roll = rand();
        const ids = [...table.keys()];
        const id = ids[Math.floor(rand() * ids.length)];
        if (roll < 0.25 || id === undefined) {
          const fresh = `t-${serial++}`;
          table.set(fresh, record(randomTrade(rand, fresh, now)));
        } else if (roll < 0.35) {
          table.delete(id);
        } else if (roll < 0.45) {
          const prev = table.get(id);
          if (prev) table.set(id, { ...prev, verified: !prev.verified });
        } else {
          table.set(id, record(randomTrade(rand, id, now), { verified: rand() < 0.9 }));
        }
      }
      // Now and then the journal forgets (a burst longer than it keeps): a full pass must catch up.
      if (table instanceof JournaledMap && rand() < 0.05) table.forgetBefore = table.changeCursor;
      if (rand() < 0.1) f = filters[Math.floor(rand() * filters.length)] ?? f;
      if (rand() < 0.05) sort = (["activity", "age", "value"] as const)[Math.floor(rand() * 3)] ?? sort;

      const got = summarize(table, now, f, sort);
      const fresh = createBoardSummarizer(limits)(table, now, f, sort);
      expect(got, `step ${step}`).toEqual(naiveBoardSummary(table.values(), now, f, sort, limits));
      expect(got).toEqual(fresh);
    }
  });

  it("hands back the same ids array while nothing changed (React can skip the list)", () => {
    const table = new Map([["a", record(makeTrade({ id: "a", status: "active" }))]]);
    const summarize = createBoardSummarizer(DEFAULT_STALL_LIMITS);
    const first = summarize(table, T0, DEFAULT_TRADE_FILTER, "activity");
    expect(summarize(table, T0 + 1000, DEFAULT_TRADE_FILTER, "activity").ids).toBe(first.ids);
    table.set("b", record(makeTrade({ id: "b", status: "hold" })));
    expect(summarize(table, T0 + 2000, DEFAULT_TRADE_FILTER, "activity").ids).not.toBe(first.ids);
  });
});

describe("viewMembership", () => {
  const list = [
    record(makeTrade({ id: "a1", status: "active", updatedAt: iso(T0) })),
    record(makeTrade({ id: "h1", status: "hold", updatedAt: iso(T0 + 1) })),
    record(makeTrade({ id: "r1", status: "active", game: "rust", gameId: "252490", updatedAt: iso(T0 + 2) })),
  ];

  it("answers whether the latest pass lists a trade, and nothing for an older pass", () => {
    const summarize = createBoardSummarizer(DEFAULT_STALL_LIMITS);
    const older = summarize(byId(list), T0, filter({ game: "cs2" }), "activity");
    const latest = summarize(byId(list), T0, filter({ game: "cs2", statuses: ["active"] }), "activity");
    expect(viewMembership(older)).toBeNull();
    const membership = viewMembership(latest);
    expect(latest.ids).toEqual(["a1"]);
    expect(["a1", "h1", "r1", "nope"].map((id) => membership?.includes(id))).toEqual([true, false, false, false]);
    expect(membership).toMatchObject({ cursor: null, byRecordAlone: true });
  });

  it("says when the view moves without its trades changing: the Stalled view and the alerts views", () => {
    const summarize = createBoardSummarizer(DEFAULT_STALL_LIMITS);
    const at = T0 + 21 * 60_000; // the active offers are past the 20 min limit
    const stalled = summarize(byId(list), at, filter({ stalledOnly: true }), "activity");
    expect(stalled.ids).toEqual(["a1", "r1"]);
    expect(viewMembership(stalled)).toMatchObject({ byRecordAlone: false });
    expect(viewMembership(stalled)?.includes("h1")).toBe(false);
    expect(viewMembership(stalled)?.includes("r1")).toBe(true);
    const alerts = summarize(byId(list), at, filter({ onlyIds: new Set(["h1"]) }), "activity");
    expect(viewMembership(alerts)).toMatchObject({ byRecordAlone: false });
  });

  it("knows nothing of a summary it did not make", () => {
    expect(viewMembership(naiveBoardSummary(list, T0, DEFAULT_TRADE_FILTER, "activity", DEFAULT_STALL_LIMITS))).toBeNull();
  });
});

describe("at scale", () => {
  it("summarizes, stall-checks, searches and sorts 100,000 trades, then follows changes to them", () => {
    // (Its speed is a figure in `npm run bench`, not asserted here.)
    const table = new Map<string, BoardRecord>();
    for (let i = 0; i < 100_000; i += 1) {
      const status = i % 4 === 0 ? "active" : i % 4 === 1 ? "hold" : "completed";
      const trade = makeTrade({
        id: `t-${i}`,
        status,
        game: i % 3 === 0 ? "rust" : "cs2",
        totalPrice: (i % 997) / 7,
        updatedAt: iso(T0 + ((i * 7919) % 100_000) * 1000),
        ...(i === 77_777 ? { items: [{ id: "i-karambit", name: "Karambit | Fade" }] } : {}),
      });
      table.set(trade.id, i % 3 ? record(trade) : { ...record(trade), verified: false });
    }
    const summarize = createBoardSummarizer(DEFAULT_STALL_LIMITS);
    const now = T0 + 30 * 60_000;
    let s = summarize(table, now, DEFAULT_TRADE_FILTER, "activity");
    expect(s.ids).toHaveLength(100_000);
    expect(s.facets.total).toBe(100_000);
    expect(s.inFlight).toBe(50_000);
    expect(s.facets.games.rust).toBe(33_334);
    expect(s.facets.stalled).toBe([...table.values()].filter((r) => assessStall(r.trade, r.enteredStatusAt, now).stalled).length);
    expect(summarize(table, now, filter({ search: "karambit" }), "activity").ids).toEqual(["t-77777"]);
    // The newest activity moves to the top; a removed trade leaves the list.
    table.set("t-5", record(makeTrade({ id: "t-5", status: "completed", game: "cs2", updatedAt: iso(T0 + 200_000_000) })));
    table.delete("t-6");
    s = summarize(table, now, DEFAULT_TRADE_FILTER, "activity");
    expect(s.ids[0]).toBe("t-5");
    expect(s.ids).toHaveLength(99_999);
    expect(s.ids.includes("t-6")).toBe(false);
    expect(s.inFlight).toBe(50_000 - 1); // t-5 left hold; t-6 was already completed
  });
});
