import { describe, expect, it } from "vitest";
import { MAX_INTERNED, MAX_INTERNED_LENGTH, intern, internOptional, internedCount } from "./intern";

describe("intern", () => {
  it("returns an equal string, holding one entry per distinct value", () => {
    const before = internedCount();
    const a = intern(`AK-47 | Redline ${"x".repeat(3)}`);
    expect(intern(["AK-47 | Redline ", "xxx"].join(""))).toBe(a);
    expect(internedCount()).toBe(before + 1);
  });

  it("keeps an absent optional field absent", () => {
    expect(internOptional(undefined)).toBeUndefined();
    expect(internOptional("Field-Tested")).toBe("Field-Tested");
  });

  it("leaves long strings out of the pool", () => {
    const before = internedCount();
    const long = "u".repeat(MAX_INTERNED_LENGTH + 1);
    expect(intern(long)).toBe(long);
    expect(internedCount()).toBe(before);
  });

  it("never holds more than MAX_INTERNED strings, however many distinct ones arrive", () => {
    for (let i = 0; i < MAX_INTERNED * 2 + 10; i += 1) intern(`distinct-${i}`);
    expect(internedCount()).toBeLessThanOrEqual(MAX_INTERNED);
    expect(internedCount()).toBeGreaterThan(0);
  });
});
