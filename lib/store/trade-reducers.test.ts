import { describe, expect, it } from "vitest";
import { T0, iso, makeTrade } from "@/lib/trades/test-fixtures";
import { type OpsState, createInitialState } from "./state";
import { applyTradeEvents, markUnverified, setRetentionCap } from "./trade-reducers";

const fresh = (cap?: number): OpsState => createInitialState({ now: T0, ...(cap !== undefined ? { retentionCap: cap } : {}) });

describe("applyTradeEvents", () => {
  it("inserts a new trade with history, entered time, search text and verified", () => {
    const s = applyTradeEvents(fresh(), [makeTrade({ status: "initiated", updatedAt: iso(T0) })], T0 + 5);
    const stored = s.trades.get("t-1");
    expect(stored?.history).toEqual([{ status: "initiated", rawStatus: "initiated", at: iso(T0), observedAt: T0 + 5 }]);
    expect(stored?.enteredStatusAt).toBe(iso(T0));
    expect(stored?.verified).toBe(true);
    expect(stored?.searchText).toContain("ak-47");
    expect(s.tradesVersion).toBe(1);
  });

  it("applies strictly newer versions and appends status changes to history", () => {
    let s = applyTradeEvents(fresh(), [makeTrade({ status: "initiated", updatedAt: iso(T0) })], T0);
    s = applyTradeEvents(s, [makeTrade({ status: "active", updatedAt: iso(T0 + 1000), activeAt: iso(T0 + 900) })], T0 + 1);
    s = applyTradeEvents(s, [makeTrade({ status: "active", updatedAt: iso(T0 + 2000), activeAt: iso(T0 + 900), offerId: "o1" })], T0 + 2);
    const stored = s.trades.get("t-1");
    expect(stored?.trade.offerId).toBe("o1");
    expect(stored?.history.map((h) => h.status)).toEqual(["initiated", "active"]);
    // For `active`, the entered time is activeAt; a later update with the same status keeps it.
    expect(stored?.enteredStatusAt).toBe(iso(T0 + 900));
  });

  it("ignores and counts identical duplicates", () => {
    const t = makeTrade({ updatedAt: iso(T0) });
    let s = applyTradeEvents(fresh(), [t], T0);
    const before = s.trades.get("t-1");
    const version = s.tradesVersion;
    s = applyTradeEvents(s, [{ ...t }, { ...t }], T0 + 1);
    expect(s.diagnostics.duplicatesIgnored).toBe(2);
    expect(s.trades.get("t-1")).toBe(before);
    expect(s.tradesVersion).toBe(version);
  });

  it("never moves a trade backwards on out-of-order events", () => {
    const events = [
      makeTrade({ status: "hold", updatedAt: iso(T0 + 3000) }),
      makeTrade({ status: "initiated", updatedAt: iso(T0 + 1000) }),
      makeTrade({ status: "active", updatedAt: iso(T0 + 2000) }),
    ];
    const s = applyTradeEvents(fresh(), events, T0);
    expect(s.trades.get("t-1")?.trade.status).toBe("hold");
    expect(s.trades.get("t-1")?.history.map((h) => h.status)).toEqual(["hold"]);
    expect(s.diagnostics.staleIgnored).toBe(2);
  });

  it("ignores an older version even when its status ranks later", () => {
    let s = applyTradeEvents(fresh(), [makeTrade({ status: "active", offerId: "new", updatedAt: iso(T0 + 2000) })], T0);
    s = applyTradeEvents(s, [makeTrade({ status: "completed", offerId: "old", updatedAt: iso(T0 + 1000) })], T0);
    expect(s.trades.get("t-1")?.trade).toMatchObject({ status: "active", offerId: "new" });
    expect(s.diagnostics.staleIgnored).toBe(1);
    expect(s.retention.terminalCount).toBe(0);
  });

  it("breaks same-timestamp conflicts by lifecycle order only", () => {
    let s = applyTradeEvents(fresh(), [makeTrade({ status: "hold", updatedAt: iso(T0) })], T0);
    s = applyTradeEvents(s, [makeTrade({ status: "active", updatedAt: iso(T0) })], T0);
    expect(s.trades.get("t-1")?.trade.status).toBe("hold");
    expect(s.diagnostics.staleIgnored).toBe(1);
    s = applyTradeEvents(s, [makeTrade({ status: "completed", updatedAt: iso(T0) })], T0);
    expect(s.trades.get("t-1")?.trade.status).toBe("completed");
  });

  it("allows completed → reverted", () => {
    let s = applyTradeEvents(fresh(), [makeTrade({ status: "completed", updatedAt: iso(T0) })], T0);
    s = applyTradeEvents(s, [makeTrade({ status: "reverted", updatedAt: iso(T0 + 1), revertedBy: "user" })], T0);
    expect(s.trades.get("t-1")?.trade.status).toBe("reverted");
    expect(s.retention.terminalCount).toBe(1);
  });

  it("keeps untouched records identical and replaces changed ones", () => {
    let s = applyTradeEvents(fresh(), [makeTrade({ id: "a" }), makeTrade({ id: "b" })], T0);
    const a = s.trades.get("a");
    const b = s.trades.get("b");
    s = applyTradeEvents(s, [makeTrade({ id: "b", status: "hold", updatedAt: iso(T0 + 10) })], T0);
    expect(s.trades.get("a")).toBe(a);
    expect(s.trades.get("b")).not.toBe(b);
  });

  it("caps history length", () => {
    let s = fresh();
    for (let i = 0; i < 60; i += 1) {
      s = applyTradeEvents(s, [makeTrade({ status: i % 2 ? "active" : "hold", updatedAt: iso(T0 + i) })], T0);
    }
    const history = s.trades.get("t-1")?.history ?? [];
    expect(history.length).toBe(50);
    expect(history.at(-1)?.at).toBe(iso(T0 + 59));
  });
});

describe("retention", () => {
  it("evicts only the oldest terminal trades beyond the cap", () => {
    const trades = [
      makeTrade({ id: "old-done", status: "completed", updatedAt: iso(T0 + 1) }),
      makeTrade({ id: "older-inflight", status: "active", updatedAt: iso(T0) }),
      makeTrade({ id: "mid-done", status: "failed", updatedAt: iso(T0 + 2) }),
      makeTrade({ id: "new-done", status: "declined", updatedAt: iso(T0 + 3) }),
      makeTrade({ id: "unknown", status: "unknown", rawStatus: "??", updatedAt: iso(T0) }),
    ];
    const s = applyTradeEvents(fresh(2), trades, T0);
    expect([...s.trades.keys()].sort()).toEqual(["mid-done", "new-done", "older-inflight", "unknown"]);
    expect(s.retention).toEqual({ cap: 2, evicted: 1, terminalCount: 2 });
  });

  it("frees 1 % below a large cap so a full table is not rescanned every batch", () => {
    const trades = Array.from({ length: 1001 }, (_, i) => makeTrade({ id: `d${i}`, status: "completed", updatedAt: iso(T0 + i) }));
    let s = applyTradeEvents(fresh(1000), trades, T0);
    expect(s.retention).toEqual({ cap: 1000, evicted: 11, terminalCount: 990 });
    expect(s.trades.has("d10")).toBe(false);
    expect(s.trades.has("d11")).toBe(true);
    s = applyTradeEvents(s, [makeTrade({ id: "late", status: "failed", updatedAt: iso(T0 + 5000) })], T0);
    expect(s.retention.evicted).toBe(11);
  });

  it("keeps every in-flight trade even far beyond the cap", () => {
    const trades = Array.from({ length: 20 }, (_, i) => makeTrade({ id: `f${i}`, status: "active", updatedAt: iso(T0 + i) }));
    const s = applyTradeEvents(fresh(5), trades, T0);
    expect(s.trades.size).toBe(20);
    expect(s.retention.evicted).toBe(0);
  });

  it("tracks trades moving into terminal and applies a lowered cap at once", () => {
    let s = applyTradeEvents(fresh(10), [1, 2, 3].map((i) => makeTrade({ id: `x${i}`, status: "active", updatedAt: iso(T0) })), T0);
    s = applyTradeEvents(s, [1, 2, 3].map((i) => makeTrade({ id: `x${i}`, status: "completed", updatedAt: iso(T0 + i) })), T0);
    expect(s.retention.terminalCount).toBe(3);
    s = setRetentionCap(s, 1);
    expect([...s.trades.keys()]).toEqual(["x3"]);
    expect(s.retention.evicted).toBe(2);
  });
});

describe("verified flags", () => {
  it("marks in-flight trades unverified and lets live events re-confirm them", () => {
    let s = applyTradeEvents(
      fresh(),
      [makeTrade({ id: "live", status: "active" }), makeTrade({ id: "done", status: "completed" })],
      T0,
    );
    s = markUnverified(s);
    expect(s.trades.get("live")?.verified).toBe(false);
    expect(s.trades.get("done")?.verified).toBe(true);
    // An identical duplicate after reconnect confirms the trade is still as we hold it.
    s = applyTradeEvents(s, [makeTrade({ id: "live", status: "active" })], T0);
    expect(s.trades.get("live")?.verified).toBe(true);
    expect(s.diagnostics.duplicatesIgnored).toBe(1);
  });

  it("does not let a stale live event confirm a trade", () => {
    let s = applyTradeEvents(fresh(), [makeTrade({ status: "hold", updatedAt: iso(T0 + 10) })], T0);
    s = markUnverified(s);
    s = applyTradeEvents(s, [makeTrade({ status: "active", updatedAt: iso(T0) })], T0);
    expect(s.trades.get("t-1")?.verified).toBe(false);
  });
});

describe("batch cost at scale", () => {
  it("applies 1,000 events over 100,000 trades without copying the table", () => {
    const base = Array.from({ length: 100_000 }, (_, i) =>
      makeTrade({ id: `t-${i}`, status: i % 2 ? "completed" : "active", updatedAt: iso(T0) }),
    );
    let s = applyTradeEvents(fresh(), base, T0);
    const table = s.trades;
    const untouched = s.trades.get("t-99999");
    const batch = Array.from({ length: 1000 }, (_, i) => makeTrade({ id: `t-${i * 2}`, status: "hold", updatedAt: iso(T0 + 1000) }));
    // (How fast is a figure in `npm run bench`, not an assertion here.)
    s = applyTradeEvents(s, batch, T0 + 1);
    expect(s.trades).toBe(table);
    expect(s.trades.get("t-99999")).toBe(untouched);
    expect(s.trades.get("t-0")?.trade.status).toBe("hold");
  });
});
