import { describe, expect, it } from "vitest";
import { T0, makeTrade } from "@/lib/trades/test-fixtures";
import type { StoredTrade } from "./state";
import { JOURNAL_LIMIT, TradeMap } from "./trade-map";

const stored = (id: string): StoredTrade => ({
  trade: makeTrade({ id }),
  history: [],
  enteredStatusAt: "2026-05-01T10:00:00.000Z",
  verified: true,
  searchText: id,
  updatedAtMs: T0,
  enteredStatusAtMs: T0,
});

describe("TradeMap", () => {
  it("is a Map that journals every set and delete since a cursor", () => {
    const map = new TradeMap();
    const start = map.changeCursor;
    map.set("a", stored("a"));
    map.set("b", stored("b"));
    const middle = map.changeCursor;
    map.set("a", stored("a"));
    map.delete("b");
    map.delete("missing");
    expect(map.changedSince(start)).toEqual(["a", "b", "a", "b"]);
    expect(map.changedSince(middle)).toEqual(["a", "b"]);
    expect(map.changedSince(map.changeCursor)).toEqual([]);
    expect([...map.keys()]).toEqual(["a"]);
    map.clear();
    expect(map.changedSince(middle)).toEqual(["a", "b", "a"]);
  });

  it("says so (null) when a cursor is older than what it still remembers, or not one of its own", () => {
    const map = new TradeMap();
    const start = map.changeCursor;
    for (let i = 0; i <= JOURNAL_LIMIT; i += 1) map.set(`t-${i % 10}`, stored(`t-${i % 10}`));
    expect(map.changedSince(start)).toBeNull();
    const recent = map.changeCursor - 3;
    expect(map.changedSince(recent)).toHaveLength(3);
    expect(map.changedSince(map.changeCursor + 5)).toBeNull();
    expect(map.size).toBe(10);
  });
});
