import { describe, expect, it } from "vitest";
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { type RawOpsEvent, ingestEvents } from "./ingest";
import { createInitialState } from "./state";

const trade = (overrides: Record<string, unknown> = {}, receivedAt = T0): RawOpsEvent => ({
  event: "trade",
  payload: { trade: wireTrade(overrides) },
  receivedAt,
});

describe("ingestEvents", () => {
  it("counts received, applies valid events and records the last event time", () => {
    const s = ingestEvents(createInitialState({ now: T0 }), [trade({}, T0 + 1), trade({ id: "t-2" }, T0 + 2)]);
    expect(s.trades.size).toBe(2);
    expect(s.diagnostics.eventsReceived).toBe(2);
    expect(s.diagnostics.lastEventAt).toBe(T0 + 2);
    expect(s.diagnostics.contracts).toEqual({ current: 2, legacy: 0 });
  });

  it("ignores malformed events, counts them and keeps the last 10 reasons", () => {
    const bad: RawOpsEvent[] = Array.from({ length: 12 }, (_, i) => trade({ id: i === 11 ? undefined : 7 + 0.5 }));
    const s = ingestEvents(createInitialState({ now: T0 }), [
      ...bad,
      { event: "deposit", payload: "nope", receivedAt: T0 },
      { event: "market" as RawOpsEvent["event"], payload: {}, receivedAt: T0 },
    ]);
    expect(s.trades.size).toBe(0);
    expect(s.diagnostics.eventsReceived).toBe(14);
    expect(s.diagnostics.malformedIgnored).toBe(14);
    expect(s.diagnostics.lastMalformedReasons).toHaveLength(10);
    expect(s.diagnostics.lastMalformedReasons.slice(-3)).toEqual([
      "trade event: trade.id: expected string",
      "deposit event: payload: expected object",
      "market event: not an event this dashboard handles",
    ]);
  });

  it("keeps unknown-status trades and counts them by raw status, even hostile names", () => {
    const s = ingestEvents(createInitialState({ now: T0 }), [
      trade({ id: "a", status: "queued" }),
      trade({ id: "b", status: "queued" }),
      trade({ id: "c", status: "__proto__" }),
    ]);
    expect(s.trades.get("a")?.trade.status).toBe("unknown");
    expect(s.diagnostics.unknownStatuses.queued).toBe(2);
    expect(Object.prototype.hasOwnProperty.call(s.diagnostics.unknownStatuses, "__proto__")).toBe(true);
    expect(s.diagnostics.unknownStatuses["__proto__"]).toBe(1);
    expect(({} as Record<string, unknown>).queued).toBeUndefined();
  });

  it("applies legacy events by meaning and counts the contract", () => {
    const s = ingestEvents(createInitialState({ now: T0 }), [trade({ status: "ACTIVE", type: "DEPOSIT" })]);
    const stored = [...s.trades.values()][0];
    expect(stored?.trade.status).toBe("hold");
    expect(stored?.trade.rawStatus).toBe("ACTIVE");
    expect(s.diagnostics.contracts.legacy).toBe(1);
  });

  it("counts duplicates and stale events from the socket", () => {
    const s = ingestEvents(createInitialState({ now: T0 }), [
      trade({ status: "hold", updatedAt: iso(T0 + 2000) }),
      trade({ status: "hold", updatedAt: iso(T0 + 2000) }),
      trade({ status: "active", updatedAt: iso(T0 + 1000) }),
    ]);
    expect(s.diagnostics.duplicatesIgnored).toBe(1);
    expect(s.diagnostics.staleIgnored).toBe(1);
  });

  it("applies funding events newer-only into their own feeds", () => {
    const funding = (status: string, updatedAt: string) => ({ funding: { id: "f1", status, createdAt: iso(T0), updatedAt } });
    const s = ingestEvents(createInitialState({ now: T0 }), [
      { event: "deposit", payload: funding("COMPLETED", iso(T0 + 2000)), receivedAt: T0 },
      { event: "deposit", payload: funding("PENDING", iso(T0 + 1000)), receivedAt: T0 },
      { event: "withdrawal", payload: funding("PENDING_ADMIN", iso(T0)), receivedAt: T0 },
    ]);
    expect(s.funding.deposits.get("f1")?.status).toBe("completed");
    expect(s.funding.withdrawals.get("f1")?.status).toBe("pending_admin");
    expect(s.diagnostics.staleIgnored).toBe(1);
  });

  it("tracks a rolling events-per-second window", () => {
    const events = Array.from({ length: 30 }, (_, i) => trade({ id: `t${i}` }, T0 + i * 1000));
    const s = ingestEvents(createInitialState({ now: T0 }), events);
    expect(s.diagnostics.eventRate.length).toBe(10);
    expect(s.diagnostics.eventRate.reduce((n, b) => n + b.count, 0)).toBe(10);
  });
});
