import { describe, expect, it } from "vitest";
import { stableRenderOrder } from "./stable-order";

describe("stableRenderOrder", () => {
  it("starts in sort order", () => {
    expect(stableRenderOrder([], ["c", "a", "b"])).toEqual(["c", "a", "b"]);
  });

  it("keeps rendered rows where they are when the sort moves one to the top", () => {
    const previous = ["a", "b", "c", "d"];
    const order = stableRenderOrder(previous, ["d", "a", "b", "c"]);
    expect(order).toBe(previous);
  });

  it("drops rows that left and adds new ones after the rows that stayed, in sort order", () => {
    expect(stableRenderOrder(["a", "b", "c", "d"], ["e", "c", "a", "f"])).toEqual(["a", "c", "e", "f"]);
  });

  it("renders exactly the visible rows, each once", () => {
    const visible = ["x", "b", "y", "a"];
    const order = stableRenderOrder(["a", "b", "c"], visible);
    expect([...order].sort()).toEqual([...visible].sort());
  });

  it("gives the same order when asked again (a render repeated by React)", () => {
    const once = stableRenderOrder(["a", "b", "c"], ["c", "d", "a"]);
    expect(stableRenderOrder(once, ["c", "d", "a"])).toBe(once);
  });

  it("renders nothing for an empty window", () => {
    expect(stableRenderOrder(["a"], [])).toEqual([]);
  });
});
