import { describe, expect, it } from "vitest";
import {
  DEFAULT_TRADE_FILTER,
  TRADE_SORTS,
  type TradeFilter,
  buildSearchText,
  compareByAgeInStatus,
  compareByNewestActivity,
  compareByValue,
  countFacets,
  isDefaultFilter,
  matchesFilter,
  summarizeTrades,
} from "./filters";
import { T0, iso, makeTrade } from "./test-fixtures";
import type { Trade } from "./types";

function record(trade: Trade, enteredMs = Date.parse(trade.updatedAt)) {
  return { trade, searchText: buildSearchText(trade), updatedAtMs: Date.parse(trade.updatedAt), enteredStatusAtMs: enteredMs };
}

const filter = (patch: Partial<TradeFilter>): TradeFilter => ({ ...DEFAULT_TRADE_FILTER, ...patch });

const cs2Deposit = makeTrade({
  id: "aaa-111",
  externalId: "ORDER-42",
  clientSteamId: "76561198000000001",
  offerId: "6543210987",
  externalClientUserId: "Player-Seven",
  items: [{ id: "i1", name: "AK-47 | Redline (Field-Tested)" }],
});
const rustWithdraw = makeTrade({
  id: "bbb-222",
  type: "withdraw",
  status: "hold",
  game: "rust",
  gameId: "252490",
  clientSteamId: "76561198000000002",
  items: [{ id: "i2", name: "Tempered AK47" }],
});

describe("matchesFilter", () => {
  it("matches everything with the default filter", () => {
    expect(isDefaultFilter(DEFAULT_TRADE_FILTER)).toBe(true);
    expect(matchesFilter(record(cs2Deposit), false, DEFAULT_TRADE_FILTER)).toBe(true);
    expect(matchesFilter(record(rustWithdraw), true, DEFAULT_TRADE_FILTER)).toBe(true);
  });

  it("filters by game", () => {
    expect(matchesFilter(record(cs2Deposit), false, filter({ game: "cs2" }))).toBe(true);
    expect(matchesFilter(record(rustWithdraw), false, filter({ game: "cs2" }))).toBe(false);
    expect(matchesFilter(record(rustWithdraw), false, filter({ game: "rust" }))).toBe(true);
  });

  it("filters by status (array or Set) and type", () => {
    expect(matchesFilter(record(rustWithdraw), false, filter({ statuses: ["hold"] }))).toBe(true);
    expect(matchesFilter(record(cs2Deposit), false, filter({ statuses: new Set(["hold" as const]) }))).toBe(false);
    expect(matchesFilter(record(cs2Deposit), false, filter({ types: ["withdraw"] }))).toBe(false);
    expect(matchesFilter(record(rustWithdraw), false, filter({ types: ["withdraw"] }))).toBe(true);
  });

  it("filters stalled only", () => {
    expect(matchesFilter(record(cs2Deposit), { stalled: false }, filter({ stalledOnly: true }))).toBe(false);
    expect(matchesFilter(record(cs2Deposit), { stalled: true }, filter({ stalledOnly: true }))).toBe(true);
  });

  it.each([
    ["trade id", "AAA-1"],
    ["external id", "order-42"],
    ["Steam id", "98000000001"],
    ["offer id", "6543210987"],
    ["external client user id", "player-seven"],
    ["item name substring", "redline (field"],
    ["padded query", "   REDLINE  "],
  ])("searches by %s", (_key, query) => {
    expect(matchesFilter(record(cs2Deposit), false, filter({ search: query }))).toBe(true);
    expect(matchesFilter(record(rustWithdraw), false, filter({ search: query }))).toBe(false);
  });

  it("does not match across field boundaries", () => {
    const text = buildSearchText(cs2Deposit);
    const spanning = `${cs2Deposit.id.slice(-2)}${cs2Deposit.clientSteamId.slice(0, 2)}`;
    expect(text.includes(spanning)).toBe(false);
    expect(matchesFilter(record(cs2Deposit), false, filter({ search: spanning }))).toBe(false);
  });

  it("accepts a bare Trade too", () => {
    expect(matchesFilter(cs2Deposit, false, filter({ search: "ak-47" }))).toBe(true);
  });
});

describe("facets and summaries", () => {
  const records = [
    record(cs2Deposit),
    record(rustWithdraw),
    record(makeTrade({ id: "ccc", status: "completed" })),
    record(makeTrade({ id: "ddd", game: "other", gameId: "440", status: "unknown", rawStatus: "x" })),
  ];
  const stalledIds = new Set(["bbb-222", "ddd"]);
  const isStalled = (r: { trade: Trade }) => stalledIds.has(r.trade.id);

  it("counts per game, status, type and stalled in one pass", () => {
    const facets = countFacets(records, isStalled);
    expect(facets.total).toBe(4);
    expect(facets.games).toEqual({ cs2: 2, rust: 1, other: 1 });
    expect(facets.types).toEqual({ deposit: 3, withdraw: 1 });
    expect(facets.statuses.active).toBe(1);
    expect(facets.statuses.hold).toBe(1);
    expect(facets.statuses.completed).toBe(1);
    expect(facets.statuses.unknown).toBe(1);
    expect(facets.statuses.failed).toBe(0);
    expect(facets.stalled).toBe(2);
  });

  it("summarizes facets over everything and lists the matches", () => {
    let calls = 0;
    const summary = summarizeTrades(records, (r) => {
      calls += 1;
      return isStalled(r);
    }, filter({ stalledOnly: true, game: "rust" }));
    expect(calls).toBe(records.length);
    expect(summary.facets.total).toBe(4);
    expect(summary.matching.map((r) => r.trade.id)).toEqual(["bbb-222"]);
  });
});

describe("sort comparators", () => {
  const a = record(makeTrade({ id: "a", totalPrice: 5, updatedAt: iso(T0 + 3000) }), T0 + 1000);
  const b = record(makeTrade({ id: "b", totalPrice: 50, updatedAt: iso(T0 + 1000) }), T0 + 500);
  const c = record(makeTrade({ id: "c", totalPrice: 20, updatedAt: iso(T0 + 2000) }), T0 + 2000);
  const ids = (list: (typeof a)[]) => list.map((r) => r.trade.id);

  it("newest activity first", () => expect(ids([a, b, c].sort(compareByNewestActivity))).toEqual(["a", "c", "b"]));
  it("longest in status first", () => expect(ids([a, b, c].sort(compareByAgeInStatus))).toEqual(["b", "a", "c"]));
  it("highest value first", () => expect(ids([a, b, c].sort(compareByValue))).toEqual(["b", "c", "a"]));
  it("breaks ties by id and exposes a lookup", () => {
    const x = record(makeTrade({ id: "x", updatedAt: iso(T0) }));
    const y = record(makeTrade({ id: "y", updatedAt: iso(T0) }));
    expect(ids([y, x].sort(TRADE_SORTS.activity))).toEqual(["x", "y"]);
  });
});

describe("at scale", () => {
  it("filters and counts 100,000 trades in one quick pass", () => {
    const many = Array.from({ length: 100_000 }, (_, i) =>
      record(
        makeTrade({
          id: `t-${i}`,
          game: i % 3 === 0 ? "rust" : "cs2",
          status: i % 5 === 0 ? "completed" : "active",
          items: [{ id: `i-${i}`, name: i === 77_777 ? "Karambit | Fade" : "AK-47 | Redline" }],
        }),
      ),
    );
    // (How fast is a figure in `npm run bench`, not an assertion here.)
    const summary = summarizeTrades(many, () => false, filter({ search: "karambit" }));
    expect(summary.matching.map((r) => r.trade.id)).toEqual(["t-77777"]);
    expect(summary.facets.games.rust).toBe(33_334);
  });
});
