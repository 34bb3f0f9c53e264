import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback";

describe("safeCallbackPath", () => {
  it.each([
    ["/board", "/board"],
    ["/board?game=cs2#x", "/board?game=cs2#x"],
    [undefined, "/board"],
    ["", "/board"],
    ["board", "/board"],
    ["//evil.example/board", "/board"],
    ["/\\evil.example", "/board"],
    ["https://evil.example/board", "/board"],
    ["javascript:alert(1)", "/board"],
    ["/sign-in?callbackUrl=/board", "/board"],
    ["/api/assetpay/token", "/board"],
    // Harmless before URL normalisation, another origin after it.
    ["/.//evil.example", "/board"],
    ["/./\\evil.example", "/board"],
    ["/a/..//evil.example", "/board"],
    ["/%2e//evil.example", "/board"],
    ["/%2E%2E//evil.example/x", "/board"],
    ["/board/../..//evil.example", "/board"],
    ["/\t/evil.example", "/board"],
    ["/\n/evil.example", "/board"],
    ["/ /evil.example", "/board"],
    ["\\/evil.example", "/board"],
    ["/\u0000/evil.example", "/board"],
    ["http:/evil.example", "/board"],
    ["///evil.example", "/board"],
    ["/./sign-in", "/board"],
    ["/board/../api/assetpay/token", "/board"],
    // Encoded slashes stay inside one path segment: same site.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/board/./x/../?game=rust", "/board/?game=rust"],
  ])("%j → %j", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });
});
