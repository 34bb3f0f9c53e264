import { describe, expect, it } from "vitest";
import { seededRandom, wireTrade } from "@/lib/trades/test-fixtures";
import type { TradeItem } from "@/lib/trades/types";
import { parseTrade, parseTradeEvent, parseTradeEventReference, parseTradeReference } from "./parse-trade";
import { fastParseTrade, fastParseTradeEvent } from "./trade-fast-path";

// The fast path must agree with the zod reference on every input: same value, same key order (equal
// trades must serialise identically for duplicate detection), same flavor and unknown status.

const LONG = (n: number) => "a".repeat(n);
/** In the pool: remove the key instead of setting it (zod treats absent and undefined differently). */
const ABSENT = Symbol("absent");
const POOL: unknown[] = [
  ABSENT, undefined, null, "", " ", "x", "  padded  ", LONG(16), LONG(17), LONG(128), LONG(129), LONG(512), LONG(513), LONG(2048), LONG(2049),
  0, 1, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 730, 252490, "730", "252490", " 730 ",
  "12.5", " 12.5 ", "-3", "1e3", "12.", true, false, {}, [], [{}], [{ id: "i" }], { price: 3 }, { price: "4.5" }, { name: "Bot" },
  new Date(0), Object.create(null), "2026-05-01T10:00:00Z", "2026-05-01T10:00:00.000+02:00", "yesterday", "2026-13-45T00:00:00Z",
  "deposit", " Deposit ", "WITHDRAW", "swap", "client", "SELF", "active", "PENDING", "Pending", "cancelled", "queued",
  "constructor", "__proto__", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
];

const TOP_FIELDS = [
  "id", "type", "source", "status", "game", "merchantId", "clientUserId", "clientSteamID", "clientSteamId", "clientTradeUrl",
  "externalId", "externalClientUserId", "items", "totalPrice", "preCredit", "pendingCredit", "isInstant", "offerID", "offerId",
  "holdEndDate", "activeAt", "autoCancelAt", "readyAt", "revertedBy", "error", "botInfo", "createdAt", "updatedAt",
];
const ITEM_FIELDS = ["id", "name", "marketHashName", "amount", "marketPrice", "offer", "status", "error", "iconUrl", "exterior"];
const BOT_FIELDS = ["name", "avatar", "steamId", "joined"];

function richTrade(): Record<string, unknown> {
  return wireTrade({
    preCredit: 1.25,
    pendingCredit: "2.50",
    isInstant: true,
    holdEndDate: "2026-05-08T10:00:00.000Z",
    activeAt: "2026-05-01T10:00:30.000Z",
    autoCancelAt: "2026-05-01T12:00:00.000Z",
    readyAt: "2026-05-01T11:00:00.000Z",
    revertedBy: "support",
    error: "PRICE_CHANGED",
    botInfo: { name: "Bot 7", avatar: "https://example.test/a.png", steamId: "76561198000000077", joined: "2020" },
    items: [
      { id: "i1", name: "AK-47 | Redline (Field-Tested)", marketHashName: "AK-47 | Redline (Field-Tested)", amount: 1, marketPrice: 12.5, offer: { price: 11.75, delivery: "instant" }, status: "active", iconUrl: "https://example.test/i.png", exterior: "Field-Tested", stickers: [{ name: "s" }] },
      { id: 42, marketPrice: "3.10" },
    ],
  });
}


function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)] as T;
}

function withField(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...base };
  if (value === ABSENT) delete copy[key];
  else copy[key] = value;
  return copy;
}

/** `held`: items the store already holds for this trade; whatever they are, the answer must not change. */
function expectSame(payload: unknown, held?: TradeItem[]): void {
  const event = { trade: payload };
  const fast = parseTradeEvent(event);
  const reference = parseTradeEventReference(event);
  expect(fast).toEqual(reference);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
  const bare = parseTrade(payload);
  expect(JSON.stringify(bare)).toBe(JSON.stringify(parseTradeReference(payload)));
  if (held !== undefined) expect(JSON.stringify(parseTradeEvent(event, () => held))).toBe(JSON.stringify(reference));
}

function itemsOf(payload: unknown): TradeItem[] {
  const parsed = parseTradeReference(payload);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value.items;
}

describe("trade fast path", () => {
  it("handles the common shapes itself (so the comparisons below are not vacuous)", () => {
    expect(fastParseTradeEvent({ trade: wireTrade() })).not.toBeNull();
    expect(fastParseTradeEvent({ trade: wireTrade({ status: "PENDING", type: "DEPOSIT" }) })?.flavor).toBe("legacy");
    expect(fastParseTrade(richTrade())).not.toBeNull();
    expect(fastParseTrade(wireTrade({ status: "queued" }))?.unknownStatus).toBe("queued");
  });

  it("leaves failures and unusual values to zod", () => {
    expect(fastParseTradeEvent({ trade: wireTrade({ id: undefined }) })).toBeNull();
    expect(fastParseTradeEvent({ trade: wireTrade({ merchantId: 7 }) })).toBeNull();
    expect(fastParseTradeEvent({ trade: Object.assign(Object.create(null) as object, wireTrade()) })).toBeNull();
    expect(fastParseTradeEvent([wireTrade()])).toBeNull();
  });

  it.each([
    ["plain", wireTrade()],
    ["rich", richTrade()],
  ])("agrees with zod for every field of a %s trade set to every value in the pool", (_name, base) => {
    // The base trade's items as the store would hold them: a changed item must never come back as the held one.
    const held = itemsOf(base);
    for (const key of TOP_FIELDS) for (const value of POOL) expectSame(withField(base, key, value), held);
    const [first, ...rest] = base.items as Record<string, unknown>[];
    for (const key of ITEM_FIELDS) for (const value of POOL) expectSame({ ...base, items: [withField(first ?? {}, key, value), ...rest] }, held);
    for (const key of BOT_FIELDS) for (const value of POOL) expectSame({ ...base, botInfo: withField({ name: "Bot" }, key, value) });
    for (const value of POOL) expectSame({ ...base, items: [withField({ id: "i" }, "offer", withField({}, "price", value))] });
  }, 60_000);

  it("agrees with zod on 3,000 random multi-field mutations", () => {
    const next = seededRandom(7);
    for (let n = 0; n < 3000; n += 1) {
      let payload = next() < 0.5 ? wireTrade() : richTrade();
      const edits = 1 + Math.floor(next() * 4);
      for (let e = 0; e < edits; e += 1) {
        const where = next();
        if (where < 0.6) payload = withField(payload, pick(next, TOP_FIELDS), pick(next, POOL));
        else if (where < 0.85) payload = { ...payload, items: [withField({ id: "i", name: "n" }, pick(next, ITEM_FIELDS), pick(next, POOL))] };
        else payload = { ...payload, botInfo: withField({ name: "b" }, pick(next, BOT_FIELDS), pick(next, POOL)) };
      }
      expectSame(payload);
    }
  }, 60_000);

  it("agrees with zod at the items cap and on mixed arrays", () => {
    const item = { id: "i", name: "n" };
    for (const items of [[], Array(2000).fill(item), Array(2001).fill(item), [item, "x"], [item, null], [item, { name: "no id" }]]) {
      expectSame(wireTrade({ items }));
    }
  });

  it("agrees with zod on envelopes that are not { trade: object }", () => {
    for (const value of POOL) {
      if (value === ABSENT) continue;
      expect(JSON.stringify(parseTradeEvent(value))).toBe(JSON.stringify(parseTradeEventReference(value)));
      expect(JSON.stringify(parseTradeEvent({ trade: value }))).toBe(JSON.stringify(parseTradeEventReference({ trade: value })));
    }
  });

  describe("with the items already held for the trade", () => {
    const base = richTrade();
    const ok = (payload: unknown, held: TradeItem[]) => {
      const parsed = parseTradeEvent({ trade: payload }, () => held);
      if (!parsed.ok) throw new Error(parsed.reason);
      return parsed.value.items;
    };

    it("returns the held array itself when every item comes out the same", () => {
      const held = itemsOf(base);
      expect(ok(base, held)).toBe(held);
      // Fresh copies of the same wire items still come back as the held ones (content decides, not
      // identity; the second item even spells its price as a string, "3.10", held as 3.1).
      const respelled = { ...base, items: (base.items as Record<string, unknown>[]).map((i) => ({ ...i })) };
      expect(ok(respelled, held)).toBe(held);
    });

    it("builds a new array from the first item that differs, keeping the held objects before it", () => {
      const held = itemsOf(base);
      const [first, second] = base.items as Record<string, unknown>[];
      const items = ok({ ...base, items: [first, { ...second, marketPrice: "9.99" }] }, held);
      expect(items).not.toBe(held);
      expect(items[0]).toBe(held[0]);
      expect(items[1]).not.toBe(held[1]);
      expect(items[1]?.price).toBe(9.99);
    });

    it("does not reuse held items of another length, or when nothing is held", () => {
      const held = itemsOf(base);
      const [first] = base.items as Record<string, unknown>[];
      const fewer = ok({ ...base, items: [first] }, held);
      expect(fewer).not.toBe(held);
      expect(fewer).toEqual(held.slice(0, 1));
      expect(ok({ ...base, items: [] }, held)).toEqual([]);
      expect(ok(base, [])).toEqual(held);
    });
  });
});
