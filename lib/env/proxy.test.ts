import { describe, expect, it } from "vitest";
import { parseProxySettings } from "./proxy";

describe("TRUST_PROXY", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["false", false],
    ["true", true],
  ])("%j → %j", (value, expected) => {
    expect(parseProxySettings({ TRUST_PROXY: value }).trustProxy).toBe(expected);
  });

  it("refuses anything else, naming the variable", () => {
    expect(() => parseProxySettings({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY: expected true/);
  });
});
