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
  ])("%j → %j", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });
});
