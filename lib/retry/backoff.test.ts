import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "./backoff";

describe("backoffDelayMs", () => {
  it("doubles per attempt and stays within [step/2, step]", () => {
    expect(backoffDelayMs(1, 0)).toBe(500);
    expect(backoffDelayMs(1, 1)).toBe(1_000);
    expect(backoffDelayMs(3, 0)).toBe(2_000);
    expect(backoffDelayMs(3, 1)).toBe(4_000);
  });

  it("is capped", () => {
    expect(backoffDelayMs(50, 1)).toBe(30_000);
    expect(backoffDelayMs(50, 0)).toBe(15_000);
  });
});
