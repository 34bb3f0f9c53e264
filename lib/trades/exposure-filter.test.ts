// The board engine with an Exposure figure's filter: the rows it lists are exactly the trades the
// figure counts, with the game filter and the search on top, and a new day re-selects them.
import { describe, expect, it } from "vitest";
import { type BoardRecord, createBoardSummarizer } from "./board-summary";
import { type ExposureSelection, exposureFactsOf, exposureWindow, summarizeExposure } from "./exposure";
import { buildSearchText } from "./search-text";
import { DEFAULT_STALL_LIMITS } from "./stall-rules";
import { iso, makeTrade } from "./test-fixtures";
import { DEFAULT_TRADE_FILTER, type TradeFilter } from "./trade-filter";
import type { Trade } from "./types";

const HOUR = 3_600_000;
const NOW = Date.parse("2026-05-01T22:30:00.000Z");

function record(trade: Trade, missing = false): BoardRecord {
  return {
    trade,
    searchText: buildSearchText(trade),
    updatedAtMs: Date.parse(trade.updatedAt),
    enteredStatusAt: trade.updatedAt,
    enteredStatusAtMs: Date.parse(trade.updatedAt),
    verified: true,
    ...(missing ? { missing: true } : {}),
  };
}

const trades: Trade[] = [
  makeTrade({ id: "h-cs2", type: "deposit", status: "hold", isInstant: true, preCredit: 8, totalPrice: 10, holdEndDate: iso(NOW + 30 * 60_000), updatedAt: iso(NOW - HOUR) }),
  makeTrade({ id: "h-rust", type: "deposit", status: "hold", game: "rust", gameId: "252490", totalPrice: 4, holdEndDate: iso(NOW + 3 * 24 * HOUR), updatedAt: iso(NOW - HOUR) }),
  makeTrade({ id: "h-withdraw", type: "withdraw", status: "hold", totalPrice: 9, updatedAt: iso(NOW - HOUR) }),
  makeTrade({ id: "r-today", status: "reverted", revertedBy: "user", totalPrice: 3, updatedAt: iso(NOW - HOUR) }),
  makeTrade({ id: "r-rust", status: "reverted", revertedBy: "supplier", game: "rust", gameId: "252490", totalPrice: 2, updatedAt: iso(NOW - 2 * HOUR) }),
  makeTrade({ id: "r-week", status: "reverted", revertedBy: "supplier", totalPrice: 1, updatedAt: iso(NOW - 3 * 24 * HOUR) }),
  makeTrade({ id: "done", status: "completed", updatedAt: iso(NOW) }),
];
const records = new Map(trades.map((t) => [t.id, record(t)]));

const view = (exposure: ExposureSelection, atMs: number, more: Partial<TradeFilter> = {}): TradeFilter => ({
  ...DEFAULT_TRADE_FILTER,
  exposure,
  exposureWindow: exposureWindow(atMs, "utc"),
  ...more,
});
const sel = (kind: ExposureSelection["kind"], more: Partial<ExposureSelection> = {}): ExposureSelection => ({ kind, release: null, revertedBy: null, ...more });

describe("the board filtered to an Exposure figure", () => {
  it("lists exactly the trades each figure counts", () => {
    const summarize = createBoardSummarizer(DEFAULT_STALL_LIMITS);
    const figures = summarizeExposure(trades.map((t) => exposureFactsOf(t)), exposureWindow(NOW, "utc"));
    const ids = (f: TradeFilter) => [...summarize(records, NOW, f, "activity").ids].sort();
    expect(ids(view(sel("hold"), NOW))).toEqual(["h-cs2", "h-rust"]);
    expect(ids(view(sel("hold"), NOW)).length).toBe(figures.hold.count);
    expect(ids(view(sel("precredit"), NOW))).toEqual(["h-cs2"]);
    expect(ids(view(sel("reversed-today"), NOW))).toHaveLength(figures.reversedToday.all.count);
    expect(ids(view(sel("reversed-7d", { revertedBy: "supplier" }), NOW))).toEqual(["r-rust", "r-week"]);
    expect(ids(view(sel("hold", { release: "2026-05-04" }), NOW, { game: "rust" }))).toEqual(["h-rust"]);
    expect(ids(view(sel("hold", { release: "2026-05-04" }), NOW, { game: "cs2" }))).toEqual([]);
  });

  it("counts the game chips within the figure's trades", () => {
    const summarize = createBoardSummarizer(DEFAULT_STALL_LIMITS);
    const s = summarize(records, NOW, view(sel("reversed-today"), NOW, { game: "cs2" }), "activity");
    expect(s.ids).toEqual(["r-today"]);
    expect(s.facets.games).toEqual({ cs2: 1, rust: 1, other: 0 });
  });

  it("moves the reversals of 'today' to the 7 days after midnight", () => {
    const summarize = createBoardSummarizer(DEFAULT_STALL_LIMITS);
    expect(summarize(records, NOW, view(sel("reversed-today"), NOW), "activity").ids).toEqual(["r-today", "r-rust"]);
    const nextDay = NOW + 2 * HOUR;
    expect(summarize(records, nextDay, view(sel("reversed-today"), nextDay), "activity").ids).toEqual([]);
    expect(summarize(records, nextDay, view(sel("reversed-7d"), nextDay), "activity").ids).toHaveLength(3);
  });

  it("selects nothing without a calendar, and a hold AssetPay no longer knows is not counted", () => {
    const summarize = createBoardSummarizer(DEFAULT_STALL_LIMITS);
    expect(summarize(records, NOW, { ...DEFAULT_TRADE_FILTER, exposure: sel("hold") }, "activity").ids).toEqual([]);
    const withMissing = new Map(records);
    withMissing.set("h-cs2", record(trades[0] as Trade, true));
    expect(createBoardSummarizer(DEFAULT_STALL_LIMITS)(withMissing, NOW, view(sel("hold"), NOW), "activity").ids).toEqual(["h-rust"]);
  });
});
