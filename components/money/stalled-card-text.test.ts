import { describe, expect, it } from "vitest";
import { stalledCardDetail } from "./stalled-card-text";

describe("stalledCardDetail", () => {
  it("says whether any trade is past its limits", () => {
    expect(stalledCardDetail(0, 0)).toBe("None past their limits");
    expect(stalledCardDetail(3, 0)).toBe("Past their stall limits");
  });

  it("names unverified in-flight trades separately, in words, never as possibly stalled", () => {
    const detail = stalledCardDetail(2, 617);
    expect(detail).toBe("Past their stall limits · 617 in-flight trades unverified since the connection dropped");
    expect(detail).not.toMatch(/\+|possibly stalled/i);
    expect(stalledCardDetail(0, 1)).toBe("None past their limits · 1 in-flight trade unverified since the connection dropped");
    expect(stalledCardDetail(0, 12_345)).toContain("12,345 in-flight trades unverified");
  });
});
