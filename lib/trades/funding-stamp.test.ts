import { describe, expect, it } from "vitest";
import { fundingStampMs } from "./funding-stamp";
import { T0, iso, makeFunding } from "./test-fixtures";

describe("fundingStampMs", () => {
  it("is the latest of the funding object's timestamps", () => {
    expect(fundingStampMs(makeFunding({ createdAt: iso(T0) }))).toBe(T0);
    expect(fundingStampMs(makeFunding({ createdAt: iso(T0), updatedAt: iso(T0 + 5_000), completedAt: iso(T0 + 2_000) }))).toBe(T0 + 5_000);
    expect(fundingStampMs(makeFunding({ createdAt: iso(T0), updatedAt: iso(T0 + 1_000), completedAt: iso(T0 + 9_000) }))).toBe(T0 + 9_000);
  });

  it("skips timestamps that do not parse, and is -Infinity when none does", () => {
    expect(fundingStampMs(makeFunding({ createdAt: "not a time", updatedAt: iso(T0 + 1_000) }))).toBe(T0 + 1_000);
    expect(fundingStampMs(makeFunding({ createdAt: "not a time" }))).toBe(Number.NEGATIVE_INFINITY);
  });
});
