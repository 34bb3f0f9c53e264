import { describe, expect, it } from "vitest";
import { shownHoldEndMs } from "./hold-end";

describe("shownHoldEndMs", () => {
  it("shows the hold end while the trade is on hold or in escrow", () => {
    expect(shownHoldEndMs("hold", 1_000)).toBe(1_000);
    expect(shownHoldEndMs("escrow", 2_000)).toBe(2_000);
  });

  it("hides it once the trade has moved on, even though AssetPay still sends the date", () => {
    for (const status of ["completed", "canceled", "failed", "reverted", "active"] as const) expect(shownHoldEndMs(status, 1_000)).toBeNull();
  });

  it("shows nothing when there is no date", () => {
    expect(shownHoldEndMs("hold", null)).toBeNull();
  });
});
