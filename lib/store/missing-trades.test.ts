// Trades AssetPay no longer knows, on the board: marked from the recorder's snapshot or health feed,
// shown but never stalled, in flight or re-checked; a newer version of the trade brings it back.
import { describe, expect, it } from "vitest";
import { T0, iso, makeTrade } from "@/lib/trades/test-fixtures";
import { applyRecorderFeed, markTradesMissing, type RecorderFeed } from "./missing-trades";
import { selectIsMissing, selectIsStalled, selectMissingCount, selectNonTerminalIds } from "./selectors";
import { applyResync } from "./resync";
import { applySnapshot } from "./snapshot";
import { createInitialState } from "./state";
import { applyTradeEvents } from "./trade-reducers";

const MIN = 60_000;
const NOW = T0 + 60 * MIN;

/** Two offers sent an hour ago (both past the 20 min stall limit) and a finished trade. */
function board() {
  return applySnapshot(createInitialState({ now: NOW }), {
    trades: [
      { trade: makeTrade({ id: "kept", status: "active", updatedAt: iso(T0) }), history: [] },
      { trade: makeTrade({ id: "gone", status: "active", updatedAt: iso(T0) }), history: [], missing: true },
      { trade: makeTrade({ id: "done", status: "completed", updatedAt: iso(T0) }), history: [] },
    ],
    funding: [],
    at: NOW,
  });
}

function feed(missingIds: string[]): RecorderFeed {
  return {
    diagnostics: { malformedIgnored: 2, lastMalformedReasons: ["trade: trade.id: expected string"], unknownStatusEvents: 0, lastUnknownStatuses: [], missingTrades: missingIds.length, at: NOW },
    missingIds,
  };
}

describe("missing trades in the store", () => {
  it("a snapshot's missing flag marks the trade: never stalled, never re-checked, counted", () => {
    const s = board();
    expect(selectIsMissing("gone")(s)).toBe(true);
    expect(selectIsStalled("gone")(s)).toBe(false);
    expect(selectIsStalled("kept")(s)).toBe(true);
    expect(selectNonTerminalIds(s)).toEqual(["kept"]);
    expect(selectMissingCount(s)).toBe(1);
  });

  it("the recorder's feed marks in-flight trades it names, leaves finished and unknown ids alone, and carries its diagnostics", () => {
    const s = applyRecorderFeed(board(), feed(["kept", "done", "never-seen"]));
    expect(selectIsMissing("kept")(s)).toBe(true);
    expect(selectIsMissing("done")(s)).toBe(false);
    expect(s.trades.has("never-seen")).toBe(false);
    expect(selectMissingCount(s)).toBe(2);
    expect(s.diagnostics.recorder).toMatchObject({ malformedIgnored: 2, missingTrades: 3 });
  });

  it("a resync answer naming missing trades marks them too", () => {
    const s = applyResync(board(), { trades: [], funding: [], at: NOW, missingIds: ["kept"] });
    expect(selectIsMissing("kept")(s)).toBe(true);
    expect(selectIsStalled("kept")(s)).toBe(false);
    expect(s.diagnostics.lastResync).toMatchObject({ tradesRefreshed: 0 });
  });

  it("changes nothing (same state, same version) when every named trade is already marked", () => {
    const s = board();
    expect(markTradesMissing(s, ["gone", "done"])).toBe(s);
    expect(markTradesMissing(s, ["kept"]).tradesVersion).toBe(s.tradesVersion + 1);
  });

  it("a newer version of a missing trade brings it back", () => {
    const s = applyTradeEvents(board(), [makeTrade({ id: "gone", status: "hold", updatedAt: iso(T0 + 50 * MIN) })], NOW);
    expect(selectIsMissing("gone")(s)).toBe(false);
    expect(selectNonTerminalIds(s).sort()).toEqual(["gone", "kept"]);
  });
});
