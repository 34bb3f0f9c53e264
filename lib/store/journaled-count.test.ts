import { describe, expect, it } from "vitest";
import { journaledCount } from "./journaled-count";
import { JOURNAL_LIMIT, TradeMap } from "./trade-map";
import type { StoredTrade } from "./state";

/** Only `missing` matters to the count under test. */
const rec = (missing: boolean) => ({ missing }) as unknown as StoredTrade;
const countMissing = () => journaledCount<StoredTrade>((r) => r.missing === true);

describe("journaledCount", () => {
  it("follows sets, replacements and deletions of one table", () => {
    const count = countMissing();
    const table = new TradeMap();
    table.set("a", rec(true));
    table.set("b", rec(false));
    expect(count(table)).toBe(1);
    table.set("b", rec(true));
    table.set("c", rec(true));
    expect(count(table)).toBe(3);
    table.set("a", rec(false)); // a newer version brings it back
    table.delete("c");
    expect(count(table)).toBe(1);
    table.clear();
    expect(count(table)).toBe(0);
  });

  it("counts each table it is given on its own, and a plain Map by walking it", () => {
    const count = countMissing();
    const one = new TradeMap([["a", rec(true)]]);
    const two = new TradeMap([
      ["a", rec(true)],
      ["b", rec(true)],
    ]);
    expect(count(one)).toBe(1);
    expect(count(two)).toBe(2);
    one.set("z", rec(true));
    expect(count(one)).toBe(2);
    expect(count(new Map([["x", rec(true)]]))).toBe(1);
  });

  it("counts afresh once the journal no longer reaches back to its last read", () => {
    const count = countMissing();
    const table = new TradeMap([["kept", rec(true)]]);
    expect(count(table)).toBe(1);
    for (let i = 0; i <= JOURNAL_LIMIT; i += 1) table.set(`t-${i % 100}`, rec(i % 100 < 3));
    table.delete("kept");
    expect(table.changedSince(1)).toBeNull();
    expect(count(table)).toBe(3);
  });
});
