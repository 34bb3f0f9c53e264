import { describe, expect, it } from "vitest";
import { hasUndecodableSegment, isAcceptablePathId } from "./path-id";

describe("isAcceptablePathId", () => {
  it.each([
    ["tr_123", true],
    ["trade 42 (ü)", true],
    ["😀", true],
    ["", false],
    ["x".repeat(129), false],
    ["x".repeat(128), true],
    ["\u0000", false],
    ["a\u0000b", false],
    ["a\nb", false],
    ["a\u007fb", false],
    ["a\u0085b", false],
    ["\ud800", false],
    ["a\udc00", false],
    [42, false],
    [undefined, false],
  ])("%j → %j", (id, expected) => {
    expect(isAcceptablePathId(id, 128)).toBe(expected);
  });
});

describe("hasUndecodableSegment", () => {
  it.each([
    ["/api/trades/tr_1/history", false],
    ["/api/trades/%E0%A4%A4/history", false],
    ["/api/trades/%00/history", false],
    ["/api/trades/%E0%A4%A/history", true],
    ["/api/trades/%ZZ/history", true],
    ["/api/trades/%/history", true],
    ["/api/alerts/%ED%A0%80/acknowledge", true],
  ])("%s → %j", (path, expected) => {
    expect(hasUndecodableSegment(path)).toBe(expected);
  });
});
