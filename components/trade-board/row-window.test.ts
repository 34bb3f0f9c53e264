import { describe, expect, it } from "vitest";
import { anchoredScrollTop, rowWindow, scrollTopFor } from "./row-window";

describe("rowWindow", () => {
  const base = { rowHeight: 40, viewportHeight: 400, overscan: 2 };

  it("covers the rows in view plus the overscan on each side, clamped to the list", () => {
    expect(rowWindow({ ...base, count: 100_000, scrollTop: 0 })).toEqual({ first: 0, end: 12 });
    expect(rowWindow({ ...base, count: 100_000, scrollTop: 4_020 })).toEqual({ first: 98, end: 113 });
    expect(rowWindow({ ...base, count: 5, scrollTop: 0 })).toEqual({ first: 0, end: 5 });
  });

  it("stays inside the list when the list shrank under a scrolled viewport", () => {
    const w = rowWindow({ ...base, count: 10, scrollTop: 40_000 });
    expect(w.end).toBe(10);
    expect(w.first).toBeLessThanOrEqual(w.end);
  });

  it("renders nothing for an empty list", () => {
    expect(rowWindow({ ...base, count: 0, scrollTop: 0 })).toEqual({ first: 0, end: 0 });
  });
});

describe("scrollTopFor", () => {
  const view = { rowHeight: 40, scrollTop: 400, viewportHeight: 400 };
  it("moves only as far as needed to show the row", () => {
    expect(scrollTopFor(12, view)).toBe(400); // already in view
    expect(scrollTopFor(5, view)).toBe(200); // above: align its top
    expect(scrollTopFor(25, view)).toBe(25 * 40 + 40 - 400); // below: align its bottom
  });
});

describe("anchoredScrollTop", () => {
  const H = 10;
  it("keeps the row in view at the same offset when rows arrive above it", () => {
    // "c" is the top row (index 2), 4 px scrolled into it; two new rows land above.
    expect(anchoredScrollTop(["a", "b", "c", "d"], ["x", "y", "a", "b", "c", "d"], 24, H)).toBe(44);
  });

  it("follows the row when rows above it leave", () => {
    expect(anchoredScrollTop(["a", "b", "c", "d"], ["c", "d"], 20, H)).toBe(0);
  });

  it("stays at the top, so new rows show there", () => {
    expect(anchoredScrollTop(["a", "b"], ["x", "a", "b"], 0, H)).toBe(0);
  });

  it("keeps the pixel position when the row is gone", () => {
    expect(anchoredScrollTop(["a", "b", "c"], ["x", "y", "z", "a"], 15, H)).toBe(15);
  });
});
