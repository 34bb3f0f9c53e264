import { describe, expect, it } from "vitest";
import { formatDuration, formatUsd, formatUsdDecimal } from "./format";

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [-5000, "0 s"],
    [Number.NaN, "0 s"],
    [45_000, "45 s"],
    [59_999, "59 s"],
    [60_000, "1 min"],
    [17 * 60_000 + 30_000, "17 min"],
    [3 * 3_600_000, "3 h"],
    [3 * 3_600_000 + 5 * 60_000, "3 h 5 min"],
    [2 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000, "2 d 4 h"],
    [86_400_000, "1 d"],
  ])("%d ms → %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("money", () => {
  it("formats USD dollars", () => {
    expect(formatUsd(1234.5)).toBe("$1,234.50");
    expect(formatUsd(Number.NaN)).toBe("—");
  });
  it("formats decimal strings for display", () => {
    expect(formatUsdDecimal("250.129")).toBe("$250.13");
    expect(formatUsdDecimal(null)).toBe("—");
    expect(formatUsdDecimal("abc")).toBe("—");
  });
});
