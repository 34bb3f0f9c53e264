import { describe, expect, it } from "vitest";
import { T0, iso, makeTrade } from "@/lib/trades/test-fixtures";
import { KEPT_REVERSAL_MS, evictionMs, oldestKeys } from "./eviction";
import { createInitialState } from "./state";
import { applyTradeEvents, setRetentionCap } from "./trade-reducers";

const DAY = 86_400_000;

describe("oldestKeys", () => {
  it("picks the k smallest", () => {
    const entries = [5, 1, 4, 2, 3].map((ms) => ({ key: `k${ms}`, ms }));
    expect(oldestKeys(entries, 2).sort()).toEqual(["k1", "k2"]);
    expect(oldestKeys(entries, 0)).toEqual([]);
  });
});

describe("evictionMs", () => {
  it("puts a recent reversal after every other terminal trade, an old one by its time", () => {
    const recent = evictionMs("reverted", T0 - DAY, T0);
    expect(recent).toBeGreaterThan(evictionMs("completed", T0, T0));
    expect(evictionMs("reverted", T0 - KEPT_REVERSAL_MS - 1, T0)).toBe(T0 - KEPT_REVERSAL_MS - 1);
    expect(evictionMs("reverted", T0 - 2 * DAY, T0)).toBeLessThan(recent);
  });
});

describe("the retention cap", () => {
  it("evicts newer completed trades before a trade reverted in the last 7 days", () => {
    let s = createInitialState({ now: T0 });
    s = applyTradeEvents(
      s,
      [
        makeTrade({ id: "rev-old", status: "reverted", updatedAt: iso(T0 - 10 * DAY) }),
        makeTrade({ id: "rev-6d", status: "reverted", revertedBy: "user", updatedAt: iso(T0 - 6 * DAY) }),
        makeTrade({ id: "rev-1h", status: "reverted", revertedBy: "supplier", updatedAt: iso(T0 - 3_600_000) }),
        ...[1, 2, 3].map((h) => makeTrade({ id: `done-${h}`, status: "completed", updatedAt: iso(T0 - h * 60_000) })),
        makeTrade({ id: "live", status: "active", updatedAt: iso(T0 - 20 * DAY) }),
      ],
      T0,
    );
    s = setRetentionCap(s, 3);
    expect([...s.trades.keys()].sort()).toEqual(["done-1", "live", "rev-1h", "rev-6d"]);
    s = setRetentionCap(s, 1);
    // Recent reversals alone over the cap: the oldest of them goes first.
    expect([...s.trades.keys()].sort()).toEqual(["live", "rev-1h"]);
  });
});
