import { describe, expect, it } from "vitest";
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { parseTrade, parseTradeEvent } from "./parse-trade";

describe("parseTradeEvent — current contract", () => {
  it("maps a lowercase trade to the domain shape", () => {
    const result = parseTradeEvent({ trade: wireTrade({ holdEndDate: iso(T0 + 7 * 86_400_000) }) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.flavor).toBe("current");
    expect(result.unknownStatus).toBeNull();
    const t = result.value;
    expect(t).toMatchObject({
      id: "3f1c9a52-0000-4000-8000-000000000001",
      type: "deposit",
      status: "active",
      rawStatus: "active",
      game: "cs2",
      gameId: "730",
      clientSteamId: "76561198000000001",
      offerId: "6543210987",
      externalId: "ORDER-42",
      totalPrice: 11.75,
      holdEndDate: iso(T0 + 7 * 86_400_000),
    });
    // offer.price wins over marketPrice.
    expect(t.items[0]).toMatchObject({ id: "item-1", name: "AK-47 | Redline (Field-Tested)", price: 11.75 });
  });

  it("recognises Rust and keeps unknown game ids raw", () => {
    const rust = parseTrade(wireTrade({ game: "252490" }));
    const other = parseTrade(wireTrade({ game: 440 }));
    expect(rust.ok && rust.value.game).toBe("rust");
    expect(other.ok && other.value.game).toBe("other");
    expect(other.ok && other.value.gameId).toBe("440");
  });

  it("ignores unknown extra fields without copying them", () => {
    const result = parseTrade(wireTrade({ brandNewField: { deep: true }, collateral: { merchant: 1, provider: 2 } }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys(result.value)).not.toContain("brandNewField");
  });

  it("uses marketPrice when there is no offer, and tolerates name-less fresh withdraw items", () => {
    const result = parseTrade(wireTrade({ type: "withdraw", status: "initiated", items: [{ id: "L1", marketPrice: 3 }] }));
    expect(result.ok && result.value.items[0]).toEqual({ id: "L1", name: "", price: 3 });
  });

  it("accepts the American and British spellings of canceled", () => {
    for (const s of ["canceled", "cancelled"]) {
      const r = parseTrade(wireTrade({ status: s }));
      expect(r.ok && r.value.status).toBe("canceled");
    }
  });
});

describe("parseTradeEvent — legacy UPPERCASE contract", () => {
  const cases: [string, string][] = [
    ["INITIATED", "initiated"],
    ["PENDING", "active"], // offer sent, awaiting the user
    ["ACTIVE", "hold"], // accepted, transfer in progress
    ["ESCROW", "escrow"],
    ["HOLD", "hold"],
    ["COMPLETED", "completed"],
    ["FAILED", "failed"],
    ["REVERTED", "reverted"],
    ["PARTIAL", "partial"],
    ["DECLINED", "declined"],
    ["CANCELED", "canceled"],
  ];
  it.each(cases)("maps %s by meaning to %s and keeps the raw status", (raw, status) => {
    const result = parseTradeEvent({ trade: wireTrade({ status: raw, type: "DEPOSIT" }) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.status).toBe(status);
    expect(result.value.rawStatus).toBe(raw);
    expect(result.value.type).toBe("deposit");
    expect(result.flavor).toBe("legacy");
  });

  it("does not confuse current `pending`/`active` with the legacy words", () => {
    const pending = parseTrade(wireTrade({ status: "pending", type: "withdraw" }));
    const active = parseTrade(wireTrade({ status: "active" }));
    expect(pending.ok && pending.value.status).toBe("pending");
    expect(active.ok && active.value.status).toBe("active");
  });

  it("accepts legacy camel-case clientSteamId / offerId spellings", () => {
    const payload = wireTrade({ clientSteamID: undefined, offerID: undefined, clientSteamId: "76561198000000009", offerId: "99" });
    const result = parseTrade(payload);
    expect(result.ok && result.value.clientSteamId).toBe("76561198000000009");
    expect(result.ok && result.value.offerId).toBe("99");
  });
});

describe("unknown statuses", () => {
  it("keeps the trade with status unknown, the raw value, and reports it", () => {
    const result = parseTradeEvent({ trade: wireTrade({ status: "queued_for_review" }) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.status).toBe("unknown");
    expect(result.value.rawStatus).toBe("queued_for_review");
    expect(result.unknownStatus).toBe("queued_for_review");
  });

  it("treats an unknown UPPERCASE status as unknown too", () => {
    const result = parseTrade(wireTrade({ status: "REFUNDING" }));
    expect(result.ok && result.value.status).toBe("unknown");
    expect(result.ok && result.unknownStatus).toBe("REFUNDING");
  });

  it("does not resolve prototype names as statuses", () => {
    for (const s of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const result = parseTrade(wireTrade({ status: s }));
      expect(result.ok && result.value.status).toBe("unknown");
    }
  });
});

describe("malformed trades give a short typed reason", () => {
  const cases: [string, unknown, string][] = [
    ["missing id", { trade: wireTrade({ id: undefined }) }, "trade.id: expected string"],
    ["numeric-but-fractional id", { trade: wireTrade({ id: 1.5 }) }, "trade.id: expected string"],
    ["empty id", { trade: wireTrade({ id: "" }) }, "trade.id: must not be empty"],
    ["bad type", { trade: wireTrade({ type: "swap" }) }, "trade.type: expected deposit or withdraw"],
    ["status not a string", { trade: wireTrade({ status: 3 }) }, "trade.status: expected string"],
    ["missing updatedAt", { trade: wireTrade({ updatedAt: undefined }) }, "trade.updatedAt: expected ISO date-time"],
    ["garbage createdAt", { trade: wireTrade({ createdAt: "yesterday" }) }, "trade.createdAt: expected ISO date-time"],
    ["price as object", { trade: wireTrade({ totalPrice: { usd: 1 } }) }, "trade.totalPrice: expected number"],
    ["items not an array", { trade: wireTrade({ items: "AK" }) }, "trade.items: expected array"],
    ["item without id", { trade: wireTrade({ items: [{ name: "x" }] }) }, "trade.items[0].id: expected string"],
    ["no trade key", { funding: {} }, "trade: expected object"],
    ["null payload", null, "payload: expected object"],
    ["string payload", "trade", "payload: expected object"],
    ["array payload", [wireTrade()], "payload: expected object"],
  ];
  it.each(cases)("%s", (_name, payload, reason) => {
    const result = parseTradeEvent(payload);
    expect(result).toEqual({ ok: false, reason });
  });

  it("parseTrade reports paths rooted at trade", () => {
    expect(parseTrade(42)).toEqual({ ok: false, reason: "trade: expected object" });
    expect(parseTrade(wireTrade({ id: null }))).toEqual({ ok: false, reason: "trade.id: expected string" });
  });
});
