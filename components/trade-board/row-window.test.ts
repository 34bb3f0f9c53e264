import { describe, expect, it } from "vitest";
import { rowWindow, scrollTopFor } from "./row-window";

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
