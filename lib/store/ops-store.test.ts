import { describe, expect, it, vi } from "vitest";
import { parseSocketEvent } from "@/lib/live/parse-socket-event";
import { T0, iso, makeTrade, wireTrade } from "@/lib/trades/test-fixtures";
import { createOpsStore } from "./ops-store";
import {
  selectEventsPerSecond,
  selectIsStalled,
  selectNonTerminalIds,
  selectStallReason,
  selectTrade,
  readUnverifiedCount,
} from "./selectors";

// Wire payloads through the real parsing edge, as the live session feeds the store.
const event = (overrides: Record<string, unknown>) => parseSocketEvent("trade", { trade: wireTrade(overrides) }, T0);

describe("createOpsStore", () => {
  it("creates independent stores", () => {
    const a = createOpsStore({ now: T0 });
    const b = createOpsStore({ now: T0 });
    a.getState().ingest([event({ id: "x" })]);
    expect(a.getState().trades.size).toBe(1);
    expect(b.getState().trades.size).toBe(0);
  });

  it("ingests a batch in a single update", () => {
    const store = createOpsStore({ now: T0 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().ingest([event({ id: "a" }), event({ id: "b" }), event({ id: "c", status: "HOLD" })]);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState().tradesVersion).toBe(1);
  });

  it("gives selectors a stable reference for unchanged trades", () => {
    const store = createOpsStore({ now: T0 });
    store.getState().ingest([event({ id: "a" }), event({ id: "b" })]);
    const a = selectTrade("a")(store.getState());
    store.getState().ingest([event({ id: "b", status: "hold", updatedAt: iso(T0 + 600_000) })]);
    expect(selectTrade("a")(store.getState())).toBe(a);
    expect(selectTrade("b")(store.getState())?.trade.status).toBe("hold");
  });

  it("computes stall verdicts against the ticking clock", () => {
    const store = createOpsStore({ now: T0 });
    store.getState().ingest([event({ id: "a", status: "active", updatedAt: iso(T0) })]);
    expect(selectIsStalled("a")(store.getState())).toBe(false);
    store.getState().tick(T0 + 21 * 60_000);
    expect(selectIsStalled("a")(store.getState())).toBe(true);
    expect(selectStallReason("a")(store.getState())).toContain("the user has not accepted the offer");
    store.getState().setStallLimits({ activeMs: 60 * 60_000, withdrawPendingMs: Number.NaN });
    expect(selectIsStalled("a")(store.getState())).toBe(false);
    expect(store.getState().stallLimits.withdrawPendingMs).toBe(20 * 60_000);
  });

  it("does not notify for a no-op tick or connection patch", () => {
    const store = createOpsStore({ now: T0 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().tick(T0);
    store.getState().setConnection({ state: "connecting" });
    expect(listener).not.toHaveBeenCalled();
    store.getState().setConnection({ state: "live", connectedAt: T0, attempt: 0 });
    expect(store.getState().connection).toEqual({ state: "live", attempt: 0, nextRetryAt: null, lastError: null, connectedAt: T0, cause: null });
    store.getState().setConnection({ lastError: null, nextRetryAt: T0 + 5000, state: "reconnecting", attempt: 1 });
    expect(store.getState().connection.nextRetryAt).toBe(T0 + 5000);
  });

  it("marks unverified, resyncs and lists non-terminal ids", () => {
    const store = createOpsStore({ now: T0 });
    store.getState().ingest([event({ id: "a", status: "active" }), event({ id: "b", status: "completed" }), event({ id: "c", status: "weird" })]);
    expect(selectNonTerminalIds(store.getState()).sort()).toEqual(["a", "c"]);
    store.getState().markUnverified();
    expect(readUnverifiedCount(store.getState())).toBe(2);
    store.getState().applyResync({ trades: [makeTrade({ id: "a", updatedAt: iso(T0 + 120_000) })], funding: [], at: T0 + 1 });
    expect(readUnverifiedCount(store.getState())).toBe(1);
  });

  it("applies a retention cap change immediately", () => {
    const store = createOpsStore({ now: T0, retentionCap: 10 });
    store.getState().ingest([1, 2, 3].map((i) => event({ id: `d${i}`, status: "completed", updatedAt: iso(T0 + i) })));
    store.getState().setRetentionCap(1);
    expect([...store.getState().trades.keys()]).toEqual(["d3"]);
    expect(store.getState().retention.evicted).toBe(2);
  });

  it("reports events per second over the last 10 s of the store clock", () => {
    const store = createOpsStore({ now: T0 });
    store.getState().ingest(Array.from({ length: 50 }, (_, i) => ({ ...event({ id: `e${i}` }), receivedAt: T0 })));
    store.getState().tick(T0 + 500);
    expect(selectEventsPerSecond(store.getState())).toBe(5);
    store.getState().tick(T0 + 20_000);
    expect(selectEventsPerSecond(store.getState())).toBe(0);
  });
});
