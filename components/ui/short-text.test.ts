import { describe, expect, it } from "vitest";
import { middleEllipsis, trimDecimal } from "./short-text";

describe("middleEllipsis", () => {
  it("keeps both ends of long values and leaves short ones alone", () => {
    expect(middleEllipsis("0x1234567890abcdef1234")).toBe("0x1234…1234");
    expect(middleEllipsis("short")).toBe("short");
  });
});

describe("trimDecimal", () => {
  it("cuts decimals without floating point and drops trailing zeros", () => {
    expect(trimDecimal("20600.416612")).toBe("20600.4166");
    expect(trimDecimal("100.000000")).toBe("100");
    expect(trimDecimal("0.1000", 2)).toBe("0.1");
    expect(trimDecimal("12345678901234567890.123456789")).toBe("12345678901234567890.1234");
    expect(trimDecimal("n/a")).toBe("n/a");
  });
});
