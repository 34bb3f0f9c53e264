import { describe, expect, it } from "vitest";
import { type SortableTrade, TRADE_COMPARATORS } from "./trade-sort";

const trade = (id: string, totalPrice: number, updatedAtMs: number, enteredStatusAtMs: number): SortableTrade => ({
  id,
  totalPrice,
  updatedAtMs,
  enteredStatusAtMs,
});

describe("TRADE_COMPARATORS", () => {
  const a = trade("a", 5, 3000, 1000);
  const b = trade("b", 50, 1000, 500);
  const c = trade("c", 20, 2000, 2000);
  const ids = (list: SortableTrade[]) => list.map((t) => t.id);

  it("activity: newest activity first", () => expect(ids([a, b, c].sort(TRADE_COMPARATORS.activity))).toEqual(["a", "c", "b"]));
  it("age: longest in status first", () => expect(ids([a, b, c].sort(TRADE_COMPARATORS.age))).toEqual(["b", "a", "c"]));
  it("value: highest value first", () => expect(ids([a, b, c].sort(TRADE_COMPARATORS.value))).toEqual(["b", "c", "a"]));
  it.each(["activity", "age", "value"] as const)("%s: breaks ties by id", (key) => {
    const x = trade("x", 1, 0, 0);
    const y = trade("y", 1, 0, 0);
    expect(ids([y, x].sort(TRADE_COMPARATORS[key]))).toEqual(["x", "y"]);
  });
});
