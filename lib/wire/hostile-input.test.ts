import { describe, expect, it } from "vitest";
import { wireTrade } from "@/lib/trades/test-fixtures";
import { MAX_ID_LENGTH, MAX_ITEMS, MAX_STATUS_LENGTH, MAX_TEXT_LENGTH } from "./field-schemas";
import { parseFundingEvent } from "./parse-funding";
import { parseTradeEvent } from "./parse-trade";

const MB = "x".repeat(1024 * 1024);

describe("hostile payloads", () => {
  it("ignores __proto__ / constructor keys without polluting prototypes", () => {
    const raw = JSON.stringify({ trade: wireTrade() }).replace(
      '"id":',
      '"__proto__":{"polluted":true,"status":"completed"},"constructor":{"prototype":{"polluted":true}},"id":',
    );
    const payload: unknown = JSON.parse(raw);
    const result = parseTradeEvent(payload);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.status).toBe("active");
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(result.value, "polluted")).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects a 1 MB id with a short reason", () => {
    const result = parseTradeEvent({ trade: wireTrade({ id: MB }) });
    expect(result).toEqual({ ok: false, reason: `trade.id: too long (max ${MAX_ID_LENGTH})` });
  });

  it("truncates a 1 MB item name instead of losing the trade", () => {
    const result = parseTradeEvent({ trade: wireTrade({ items: [{ id: "i", name: MB }] }) });
    expect(result.ok && result.value.items[0]?.name.length).toBe(MAX_TEXT_LENGTH);
  });

  it("turns a 1 MB status into a bounded unknown status", () => {
    const result = parseTradeEvent({ trade: wireTrade({ status: MB }) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.status).toBe("unknown");
    expect(result.value.rawStatus.length).toBe(MAX_STATUS_LENGTH);
  });

  it("drops over-long optional ids and URLs rather than storing them", () => {
    const result = parseTradeEvent({ trade: wireTrade({ externalId: MB, clientTradeUrl: MB }) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.externalId).toBeUndefined();
    expect(result.value.clientTradeUrl).toBeUndefined();
  });

  it("rejects a huge items array by its length, before reading the entries", () => {
    const items = Array.from({ length: 200_000 }, (_, i) => ({ id: `i${i}`, name: "x" }));
    // A getter on an entry past the cap: reading entries one by one would reach it.
    Object.defineProperty(items[MAX_ITEMS + 1], "id", { get: () => { throw new Error("read past the cap"); } });
    const result = parseTradeEvent({ trade: wireTrade({ items }) });
    expect(result).toEqual({ ok: false, reason: `trade.items: too many entries (max ${MAX_ITEMS})` });
  });

  it("survives deep nesting in unknown and known fields", () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i += 1) deep = { next: deep };
    expect(parseTradeEvent({ trade: wireTrade({ extra: deep }) }).ok).toBe(true);
    expect(parseTradeEvent({ trade: wireTrade({ botInfo: deep }) }).ok).toBe(true);
    expect(parseTradeEvent({ trade: wireTrade({ items: [deep] }) })).toEqual({ ok: false, reason: "trade.items[0].id: expected string" });
    expect(parseTradeEvent(deep)).toEqual({ ok: false, reason: "trade: expected object" });
  });

  it("never throws on throwing getters or proxies", () => {
    const trap = new Proxy({}, { get: () => { throw new Error("boom"); }, has: () => { throw new Error("boom"); } });
    const getter = { get trade(): unknown { throw new Error("boom"); } };
    expect(parseTradeEvent(trap).ok).toBe(false);
    expect(parseTradeEvent(getter)).toEqual({ ok: false, reason: "payload: unreadable" });
    expect(parseFundingEvent("deposit", trap).ok).toBe(false);
  });

  it.each([undefined, 0, Number.NaN, true, Symbol("x"), () => 1, 10n])("rejects the non-object %s", (payload) => {
    const result = parseTradeEvent(payload);
    expect(result.ok).toBe(false);
    const funding = parseFundingEvent("withdrawal", payload);
    expect(funding.ok).toBe(false);
  });

  it("never echoes the hostile value back in reasons", () => {
    const result = parseTradeEvent({ trade: wireTrade({ createdAt: MB }) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeLessThan(200);
  });
});
