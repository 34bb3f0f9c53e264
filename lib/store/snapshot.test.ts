import { describe, expect, it } from "vitest";
import { T0, iso, makeFunding, makeTrade } from "@/lib/trades/test-fixtures";
import type { TradeStatus } from "@/lib/trades/types";
import { createOpsStore } from "./ops-store";
import { applySnapshot, mergeStatusHistories } from "./snapshot";
import { type StatusChange, createInitialState } from "./state";
import { applyTradeEvents, markUnverified } from "./trade-reducers";

const MIN = 60_000;

function change(status: TradeStatus, atMs: number, observedAt = atMs): StatusChange {
  return { status, rawStatus: status, at: iso(atMs), observedAt };
}

describe("applySnapshot", () => {
  it("adds recorded trades with their recorded history, verified as of the snapshot", () => {
    const stalled = makeTrade({ id: "stalled", status: "active", updatedAt: iso(T0), activeAt: iso(T0) });
    const held = makeTrade({ id: "held", status: "hold", updatedAt: iso(T0 + 10 * MIN) });
    const s = applySnapshot(createInitialState({ now: T0 + 30 * MIN }), {
      trades: [
        { trade: stalled, history: [change("initiated", T0 - MIN), change("active", T0)] },
        { trade: held, history: [change("active", T0), change("hold", T0 + 2 * MIN)] },
      ],
      funding: [makeFunding()],
      at: T0 + 30 * MIN,
    });
    expect(s.trades.size).toBe(2);
    const record = s.trades.get("stalled");
    expect(record?.verified).toBe(true);
    expect(record?.history.map((c) => c.status)).toEqual(["initiated", "active"]);
    expect(record?.enteredStatusAt).toBe(iso(T0));
    // The metadata update at +10 min is not when the hold began: the recorded change at +2 min is.
    expect(s.trades.get("held")?.enteredStatusAt).toBe(iso(T0 + 2 * MIN));
    expect(s.trades.get("held")?.history.map((c) => [c.status, c.at])).toEqual([
      ["active", iso(T0)],
      ["hold", iso(T0 + 2 * MIN)],
    ]);
    expect(s.funding.deposits.get("f-1")).toBeDefined();
    expect(s.retention.terminalCount).toBe(0);
  });

  it("never lets an older snapshot row overwrite a newer live version, and keeps both histories", () => {
    let s = applyTradeEvents(
      createInitialState({ now: T0 }),
      [makeTrade({ id: "t", status: "completed", updatedAt: iso(T0 + 5 * MIN) })],
      T0 + 5 * MIN,
    );
    s = applySnapshot(s, {
      trades: [
        {
          trade: makeTrade({ id: "t", status: "hold", updatedAt: iso(T0 + 3 * MIN) }),
          history: [change("initiated", T0), change("active", T0 + MIN), change("hold", T0 + 3 * MIN)],
        },
      ],
      funding: [],
      at: T0 + 6 * MIN,
    });
    const record = s.trades.get("t");
    expect(record?.trade.status).toBe("completed");
    expect(record?.history.map((c) => c.status)).toEqual(["initiated", "active", "hold", "completed"]);
    expect(s.retention.terminalCount).toBe(1);
  });

  it("merges with the live stream without duplicates, whichever arrives first", () => {
    const trade = makeTrade({ id: "t", status: "hold", updatedAt: iso(T0 + 2 * MIN) });
    const recorded = [change("active", T0 + MIN, T0 + MIN), change("hold", T0 + 2 * MIN, T0 + 2 * MIN)];
    const snapshotFirst = applyTradeEvents(
      applySnapshot(createInitialState({ now: T0 }), { trades: [{ trade, history: recorded }], funding: [], at: T0 + 3 * MIN }),
      [trade],
      T0 + 4 * MIN,
    );
    const liveFirst = applySnapshot(applyTradeEvents(createInitialState({ now: T0 }), [trade], T0 + 3 * MIN), {
      trades: [{ trade, history: recorded }],
      funding: [],
      at: T0 + 4 * MIN,
    });
    for (const s of [snapshotFirst, liveFirst]) {
      expect(s.trades.size).toBe(1);
      expect(s.trades.get("t")?.history).toEqual(recorded);
    }
  });

  it("confirms trades a disconnect left unverified", () => {
    const trade = makeTrade({ id: "t", status: "active", updatedAt: iso(T0) });
    let s = markUnverified(applyTradeEvents(createInitialState({ now: T0 }), [trade], T0));
    expect(s.trades.get("t")?.verified).toBe(false);
    s = applySnapshot(s, { trades: [{ trade, history: [] }], funding: [], at: T0 + MIN });
    expect(s.trades.get("t")?.verified).toBe(true);
  });

  it("is one store update through the store action", () => {
    const store = createOpsStore({ now: T0 });
    let updates = 0;
    store.subscribe(() => (updates += 1));
    store.getState().applySnapshot({
      trades: [{ trade: makeTrade({ id: "a" }), history: [change("active", T0)] }],
      funding: [],
      at: T0,
    });
    expect(updates).toBe(1);
    expect(store.getState().trades.get("a")?.trade.id).toBe("a");
  });
});

describe("mergeStatusHistories", () => {
  it("orders by AssetPay time, keeps the earliest sighting of a change and collapses repeats", () => {
    const observed = [change("hold", T0 + 3 * MIN, T0 + 10 * MIN)];
    const recorded = [change("initiated", T0), change("active", T0 + MIN), change("hold", T0 + 3 * MIN, T0 + 3 * MIN)];
    expect(mergeStatusHistories(observed, recorded)).toEqual(recorded);
  });

  it("keeps the newest entries when over the cap", () => {
    const statuses: TradeStatus[] = ["active", "hold"];
    const long = Array.from({ length: 80 }, (_, index) => change(statuses[index % 2] ?? "active", T0 + index * MIN));
    const merged = mergeStatusHistories(long, []);
    expect(merged).toHaveLength(50);
    expect(merged[49]).toEqual(long[79]);
  });
});
