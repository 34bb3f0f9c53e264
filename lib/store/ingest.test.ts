import { describe, expect, it } from "vitest";
import { T0, iso, makeFunding, makeTrade } from "@/lib/trades/test-fixtures";
import type { Funding, Trade } from "@/lib/trades/types";
import { type OpsEvent, type OpsTradeEvent, ingestEvents } from "./ingest";
import { createInitialState } from "./state";

const trade = (overrides: Partial<Trade> = {}, receivedAt = T0, extra: Partial<OpsTradeEvent> = {}): OpsEvent => ({
  kind: "trade",
  trade: makeTrade(overrides),
  contract: "current",
  unknownStatus: null,
  receivedAt,
  ...extra,
});
const funding = (overrides: Partial<Funding>, unknownStatus: string | null = null): OpsEvent => ({
  kind: "funding",
  funding: makeFunding(overrides),
  unknownStatus,
  receivedAt: T0,
});
const malformed = (reason: string): OpsEvent => ({ kind: "malformed", reason, receivedAt: T0 });

describe("ingestEvents", () => {
  it("counts received, applies trades and records the last event time", () => {
    const s = ingestEvents(createInitialState({ now: T0 }), [trade({}, T0 + 1), trade({ id: "t-2" }, T0 + 2)]);
    expect(s.trades.size).toBe(2);
    expect(s.diagnostics.eventsReceived).toBe(2);
    expect(s.diagnostics.lastEventAt).toBe(T0 + 2);
    expect(s.diagnostics.contracts).toEqual({ current: 2, legacy: 0 });
  });

  it("counts malformed events as received and malformed, applies nothing for them and keeps the last 10 reasons", () => {
    const reasons = Array.from({ length: 12 }, (_, i) => `trade event: reason ${i}`);
    const s = ingestEvents(createInitialState({ now: T0 }), reasons.map(malformed));
    expect(s.trades.size).toBe(0);
    expect(s.tradesVersion).toBe(0);
    expect(s.diagnostics.eventsReceived).toBe(12);
    expect(s.diagnostics.malformedIgnored).toBe(12);
    expect(s.diagnostics.lastMalformedReasons).toEqual(reasons.slice(-10));
    expect(s.diagnostics.lastEventAt).toBe(T0);
  });

  it("keeps unknown-status trades and counts them by raw status, even hostile names", () => {
    const unknown = (id: string, raw: string) => trade({ id, status: "unknown", rawStatus: raw }, T0, { unknownStatus: raw });
    const s = ingestEvents(createInitialState({ now: T0 }), [
      unknown("a", "queued"),
      unknown("b", "queued"),
      unknown("c", "__proto__"),
      funding({ id: "f", status: "unknown", rawStatus: "TELEPORTED" }, "TELEPORTED"),
    ]);
    expect(s.trades.get("a")?.trade.status).toBe("unknown");
    expect(s.diagnostics.unknownStatuses.queued).toBe(2);
    expect(s.diagnostics.unknownStatuses.TELEPORTED).toBe(1);
    expect(Object.prototype.hasOwnProperty.call(s.diagnostics.unknownStatuses, "__proto__")).toBe(true);
    expect(s.diagnostics.unknownStatuses["__proto__"]).toBe(1);
    expect(({} as Record<string, unknown>).queued).toBeUndefined();
  });

  it("counts which contract each trade payload looked like", () => {
    const s = ingestEvents(createInitialState({ now: T0 }), [
      trade({ id: "a" }, T0, { contract: "legacy" }),
      trade({ id: "b" }),
      funding({ id: "f" }),
    ]);
    expect(s.diagnostics.contracts).toEqual({ current: 1, legacy: 1 });
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
    const s = ingestEvents(createInitialState({ now: T0 }), [
      funding({ id: "f1", status: "completed", updatedAt: iso(T0 + 2000) }),
      funding({ id: "f1", status: "pending", updatedAt: iso(T0 + 1000) }),
      funding({ id: "f1", kind: "withdrawal", status: "pending_admin", updatedAt: iso(T0) }),
    ]);
    expect(s.funding.deposits.get("f1")?.status).toBe("completed");
    expect(s.funding.withdrawals.get("f1")?.status).toBe("pending_admin");
    expect(s.diagnostics.staleIgnored).toBe(1);
  });

  it("dates a trade's status change at the latest arrival in the batch, and reads a bad arrival time as the store clock", () => {
    const s = ingestEvents(createInitialState({ now: T0 }), [trade({ id: "a" }, T0 + 5), trade({ id: "b" }, Number.NaN), trade({ id: "c" }, T0 + 3)]);
    expect(s.trades.get("a")?.history.at(-1)?.observedAt).toBe(T0 + 5);
    expect(s.diagnostics.lastEventAt).toBe(T0 + 5);
    expect(s.diagnostics.eventRate.reduce((n, b) => n + b.count, 0)).toBe(3);
  });

  it("tracks a rolling events-per-second window", () => {
    const events = Array.from({ length: 30 }, (_, i) => trade({ id: `t${i}` }, T0 + i * 1000));
    const s = ingestEvents(createInitialState({ now: T0 }), events);
    expect(s.diagnostics.eventRate.length).toBe(10);
    expect(s.diagnostics.eventRate.reduce((n, b) => n + b.count, 0)).toBe(10);
  });
});
