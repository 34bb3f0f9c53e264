import { describe, expect, it } from "vitest";
import { ingestEvents } from "@/lib/store/ingest";
import { heldItemsLookup } from "@/lib/store/selectors";
import { createInitialState } from "@/lib/store/state";
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { parseSocketEvent } from "./parse-socket-event";

const tradePayload = (overrides: Record<string, unknown> = {}) => ({ trade: wireTrade(overrides) });

describe("parseSocketEvent", () => {
  it("turns a trade event into a typed trade with its contract and arrival time", () => {
    const event = parseSocketEvent("trade", tradePayload({ id: "t-1", status: "hold" }), T0 + 7);
    expect(event).toMatchObject({ kind: "trade", contract: "current", unknownStatus: null, receivedAt: T0 + 7 });
    expect(event.kind === "trade" && event.trade).toMatchObject({ id: "t-1", status: "hold" });
  });

  it("maps legacy payloads by meaning and says so", () => {
    const event = parseSocketEvent("trade", tradePayload({ status: "ACTIVE", type: "DEPOSIT" }), T0);
    expect(event).toMatchObject({ kind: "trade", contract: "legacy", trade: { status: "hold", rawStatus: "ACTIVE" } });
  });

  it("keeps a trade with a status it does not know and names the raw status", () => {
    expect(parseSocketEvent("trade", tradePayload({ status: "queued" }), T0)).toMatchObject({
      kind: "trade",
      trade: { status: "unknown" },
      unknownStatus: "queued",
    });
  });

  it("turns deposit and withdrawal events into typed funding", () => {
    const payload = { funding: { id: "f1", status: "PENDING_ADMIN", createdAt: iso(T0) } };
    expect(parseSocketEvent("withdrawal", payload, T0)).toMatchObject({ kind: "funding", funding: { id: "f1", kind: "withdrawal", status: "pending_admin" } });
    expect(parseSocketEvent("deposit", payload, T0)).toMatchObject({ kind: "funding", funding: { kind: "deposit" } });
  });

  it("reports what was wrong, per event name, instead of dropping the event", () => {
    expect(parseSocketEvent("trade", tradePayload({ id: 7.5 }), T0 + 1)).toEqual({
      kind: "malformed",
      reason: "trade event: trade.id: expected string",
      receivedAt: T0 + 1,
    });
    expect(parseSocketEvent("deposit", "nope", T0)).toMatchObject({ kind: "malformed", reason: "deposit event: payload: expected object" });
    expect(parseSocketEvent("market", {}, T0)).toMatchObject({ kind: "malformed", reason: "market event: not an event this dashboard handles" });
    expect(parseSocketEvent("x".repeat(100), {}, T0)).toMatchObject({ reason: `${"x".repeat(32)} event: not an event this dashboard handles` });
  });

  it("reuses the items the store holds when an event resends them unchanged", () => {
    const state = ingestEvents(createInitialState({ now: T0 }), [parseSocketEvent("trade", tradePayload({ id: "t-1" }), T0)]);
    const held = state.trades.get("t-1")?.trade.items;
    const next = parseSocketEvent("trade", tradePayload({ id: "t-1", status: "hold", updatedAt: iso(T0 + 120_000) }), T0, heldItemsLookup(() => state));
    expect(held).toBeDefined();
    expect(next.kind === "trade" && next.trade.items).toBe(held);
  });
});

describe("socket events through the edge into the store", () => {
  it("counts malformed events in Diagnostics with their reasons, keeping the last 10", () => {
    const bad = Array.from({ length: 12 }, (_, i) => parseSocketEvent("trade", tradePayload({ id: i === 11 ? undefined : 7 + 0.5 }), T0));
    const s = ingestEvents(createInitialState({ now: T0 }), [...bad, parseSocketEvent("deposit", "nope", T0), parseSocketEvent("market", {}, T0)]);
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

  it("counts unknown statuses by raw status, even hostile names, and the legacy contract", () => {
    const s = ingestEvents(createInitialState({ now: T0 }), [
      parseSocketEvent("trade", tradePayload({ id: "a", status: "queued" }), T0),
      parseSocketEvent("trade", tradePayload({ id: "b", status: "queued" }), T0),
      parseSocketEvent("trade", tradePayload({ id: "c", status: "__proto__" }), T0),
      parseSocketEvent("trade", tradePayload({ id: "d", status: "ACTIVE", type: "DEPOSIT" }), T0),
    ]);
    expect(s.trades.get("a")?.trade.status).toBe("unknown");
    expect(s.trades.get("d")?.trade.status).toBe("hold");
    expect(s.diagnostics.unknownStatuses.queued).toBe(2);
    expect(s.diagnostics.unknownStatuses["__proto__"]).toBe(1);
    expect(s.diagnostics.contracts.legacy).toBe(1);
  });
});
