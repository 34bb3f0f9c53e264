import { describe, expect, it } from "vitest";
import { exposureWindow } from "@/lib/trades/exposure";
import { exposureViewLabel, releaseLabel } from "./exposure-labels";

const days = exposureWindow(Date.parse("2026-12-06T12:00:00.000Z"), "utc").days;

describe("exposure labels", () => {
  it("names release days as a person reads them", () => {
    expect(releaseLabel("2026-12-06", days)).toBe("Today");
    expect(releaseLabel("2026-12-07", days)).toBe("Tomorrow");
    expect(releaseLabel("2026-12-08", days)).toBe("Tue 8 Dec");
    expect(releaseLabel("overdue", days)).toBe("Overdue");
    expect(releaseLabel("later", days)).toBe("Later or no date");
  });

  it("says what an Exposure view shows", () => {
    expect(exposureViewLabel({ kind: "hold", release: "2026-12-08", revertedBy: null }, "cs2", days)).toBe("Deposits in hold · CS2 · releasing Tue 8 Dec");
    expect(exposureViewLabel({ kind: "reversed-today", release: null, revertedBy: "supplier" }, "all", days)).toBe("Reversals today by the supplier");
    expect(exposureViewLabel({ kind: "precredit", release: null, revertedBy: null }, "all", days)).toBe("Pre-credit at risk");
  });
});
