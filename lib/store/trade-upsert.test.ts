import { describe, expect, it } from "vitest";
import { buildSearchText } from "@/lib/trades/search-text";
import { T0, iso, makeTrade } from "@/lib/trades/test-fixtures";
import type { StoredTrade } from "./state";
import type { TradeItem } from "@/lib/trades/types";
import { sameContent, sameItem, sameSearchInputs, upsertTrade } from "./trade-upsert";

const CONFIRM = { onDuplicate: true, onStale: false };

function table(): Map<string, StoredTrade> {
  return new Map();
}

describe("upsertTrade sharing between versions", () => {
  it("shares the items array and search text when an update only moves the status", () => {
    const trades = table();
    upsertTrade(trades, makeTrade({ status: "active" }), T0, CONFIRM);
    const first = trades.get("t-1");
    upsertTrade(trades, makeTrade({ status: "hold", updatedAt: iso(T0 + 1000) }), T0 + 1, CONFIRM);
    const second = trades.get("t-1");
    expect(second?.trade.status).toBe("hold");
    expect(second?.trade.items).toBe(first?.trade.items);
    expect(second?.searchText).toBe(first?.searchText);
  });

  it("keeps the new items and rebuilds the search text when an item changes", () => {
    const trades = table();
    upsertTrade(trades, makeTrade(), T0, CONFIRM);
    const renamed = [{ id: "i-1", name: "M4A4 | Howl", price: 10 }];
    upsertTrade(trades, makeTrade({ items: renamed, updatedAt: iso(T0 + 1000) }), T0 + 1, CONFIRM);
    expect(trades.get("t-1")?.trade.items).toEqual(renamed);
    expect(trades.get("t-1")?.searchText).toContain("m4a4 | howl");
    const repriced = [{ id: "i-1", name: "M4A4 | Howl", price: 11 }];
    upsertTrade(trades, makeTrade({ items: repriced, updatedAt: iso(T0 + 2000) }), T0 + 2, CONFIRM);
    expect(trades.get("t-1")?.trade.items[0]?.price).toBe(11);
  });
});

describe("sameSearchInputs", () => {
  it("is true only when buildSearchText would agree", () => {
    const variants = [
      makeTrade(),
      makeTrade({ status: "hold" }),
      makeTrade({ externalId: "ORDER-1" }),
      makeTrade({ offerId: "99" }),
      makeTrade({ externalClientUserId: "p-1" }),
      makeTrade({ clientSteamId: "76561198000000002" }),
      makeTrade({ items: [] }),
      makeTrade({ items: [{ id: "i-1", name: "AK-47 | Redline", marketHashName: "AK-47 | Redline (FT)" }] }),
      makeTrade({ items: [{ id: "i-2", name: "AK-47 | Redline", price: 3 }] }),
      makeTrade({ items: [{ id: "i-1", name: "", marketHashName: "AK-47 | Redline" }] }),
    ];
    for (const a of variants) {
      for (const b of variants) {
        if (sameSearchInputs(a, b)) expect(buildSearchText(a)).toBe(buildSearchText(b));
      }
    }
    expect(sameSearchInputs(makeTrade(), makeTrade({ status: "hold" }))).toBe(true);
    expect(sameSearchInputs(makeTrade(), makeTrade({ externalId: "ORDER-1" }))).toBe(false);
  });
});

describe("sameContent", () => {
  it("agrees with comparing the JSON of two trades built the same way", () => {
    const variants = [
      makeTrade(),
      makeTrade({ status: "hold" }),
      makeTrade({ rawStatus: "HOLD" }),
      makeTrade({ totalPrice: 10.01 }),
      makeTrade({ error: "PRICE_CHANGED" }),
      makeTrade({ isInstant: false }),
      makeTrade({ botInfo: { name: "b" } }),
      makeTrade({ botInfo: { name: "b", steamId: "1" } }),
      makeTrade({ items: [{ id: "i-1", name: "AK-47 | Redline", price: 10, iconUrl: "x" }] }),
      makeTrade({ items: [{ id: "i-1", name: "AK-47 | Redline", price: 10 }, { id: "i-2", name: "x" }] }),
      makeTrade({ updatedAt: iso(T0 + 1) }),
    ];
    for (const a of variants) {
      for (const b of variants) expect(sameContent(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
      expect(sameContent(a, structuredClone(a))).toBe(true);
    }
  });
});

describe("sameItem", () => {
  it("notices a change in any TradeItem field", () => {
    // `satisfies Required<…>`: a field added to TradeItem fails to compile here until it is listed.
    const full = { id: "i", name: "n", marketHashName: "m", amount: 1, price: 2, status: "s", error: "e", iconUrl: "u", exterior: "x" } satisfies Required<TradeItem>;
    expect(sameItem(full, { ...full })).toBe(true);
    for (const key of Object.keys(full) as (keyof TradeItem)[]) expect(sameItem(full, { ...full, [key]: "changed" }), key).toBe(false);
  });
});
