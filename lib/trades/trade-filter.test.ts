import { describe, expect, it } from "vitest";
import { buildSearchText } from "./search-text";
import { makeTrade } from "./test-fixtures";
import { DEFAULT_TRADE_FILTER, type FilterableTrade, type TradeFilter, compileFilter } from "./trade-filter";
import type { Trade } from "./types";

/** A trade as the board's engine hands it to the filter. */
const filterable = (trade: Trade): FilterableTrade => ({ id: trade.id, game: trade.game, status: trade.status, type: trade.type, searchText: buildSearchText(trade) });

const filter = (patch: Partial<TradeFilter>): TradeFilter => ({ ...DEFAULT_TRADE_FILTER, ...patch });
const matches = (trade: Trade, patch: Partial<TradeFilter>) => compileFilter(filter(patch)).matches(filterable(trade));

const cs2Deposit = makeTrade({
  id: "aaa-111",
  externalId: "ORDER-42",
  clientSteamId: "76561198000000001",
  offerId: "6543210987",
  externalClientUserId: "Player-Seven",
  items: [{ id: "i1", name: "AK-47 | Redline (Field-Tested)" }],
});
const rustWithdraw = makeTrade({
  id: "bbb-222",
  type: "withdraw",
  status: "hold",
  game: "rust",
  gameId: "252490",
  clientSteamId: "76561198000000002",
  items: [{ id: "i2", name: "Tempered AK47" }],
});

describe("compileFilter", () => {
  it("matches everything with the default filter", () => {
    expect(matches(cs2Deposit, {})).toBe(true);
    expect(matches(rustWithdraw, {})).toBe(true);
  });

  it("filters by game", () => {
    expect(matches(cs2Deposit, { game: "cs2" })).toBe(true);
    expect(matches(rustWithdraw, { game: "cs2" })).toBe(false);
    expect(matches(rustWithdraw, { game: "rust" })).toBe(true);
  });

  it("filters by status (array or Set) and type", () => {
    expect(matches(rustWithdraw, { statuses: ["hold"] })).toBe(true);
    expect(matches(cs2Deposit, { statuses: new Set(["hold" as const]) })).toBe(false);
    expect(matches(cs2Deposit, { types: ["withdraw"] })).toBe(false);
    expect(matches(rustWithdraw, { types: ["withdraw"] })).toBe(true);
  });

  it("leaves the stall verdict to the caller: it says whether only stalled trades are wanted", () => {
    expect(compileFilter(filter({ stalledOnly: true })).stalledOnly).toBe(true);
    expect(compileFilter(DEFAULT_TRADE_FILTER).stalledOnly).toBe(false);
    expect(matches(cs2Deposit, { stalledOnly: true })).toBe(true);
  });

  it("narrows to a set of trade ids (the alerts views), and a new set is a new list", () => {
    expect(matches(cs2Deposit, { onlyIds: new Set([cs2Deposit.id]) })).toBe(true);
    expect(matches(rustWithdraw, { onlyIds: new Set([cs2Deposit.id]) })).toBe(false);
    expect(matches(rustWithdraw, { onlyIds: null })).toBe(true);
    const key = (patch: Partial<TradeFilter>) => compileFilter(filter(patch)).key;
    expect(key({ onlyIds: new Set(["a", "b"]) })).toBe(key({ onlyIds: new Set(["b", "a"]) }));
    expect(key({ onlyIds: new Set(["a"]) })).not.toBe(key({ onlyIds: new Set(["a", "b"]) }));
    expect(key({ onlyIds: new Set() })).not.toBe(key({}));
  });

  it.each([
    ["trade id", "AAA-1"],
    ["external id", "order-42"],
    ["Steam id", "98000000001"],
    ["offer id", "6543210987"],
    ["external client user id", "player-seven"],
    ["item name substring", "redline (field"],
    ["padded query", "   REDLINE  "],
  ])("searches by %s", (_key, query) => {
    expect(matches(cs2Deposit, { search: query })).toBe(true);
    expect(matches(rustWithdraw, { search: query })).toBe(false);
  });

  it("does not match across field boundaries", () => {
    const spanning = `${cs2Deposit.id.slice(-2)}${cs2Deposit.clientSteamId.slice(0, 2)}`;
    expect(buildSearchText(cs2Deposit).includes(spanning)).toBe(false);
    expect(matches(cs2Deposit, { search: spanning })).toBe(false);
  });

  it("gives filters that select the same trades the same key, whatever their spelling", () => {
    const key = (patch: Partial<TradeFilter>) => compileFilter(filter(patch)).key;
    expect(key({ statuses: ["hold", "active"], search: " Karambit " })).toBe(key({ statuses: new Set(["active", "hold"] as const), search: "karambit" }));
    // The Stalled toggle narrows the same list, so it does not change the key.
    expect(key({ stalledOnly: true })).toBe(key({}));
    expect(key({ game: "rust" })).not.toBe(key({}));
    expect(key({ types: ["deposit"] })).not.toBe(key({}));
    expect(key({ search: "ak" })).not.toBe(key({ search: "ak4" }));
  });
});
