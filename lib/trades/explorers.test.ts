import { describe, expect, it } from "vitest";
import { explorerLink } from "./explorers";

const EVM_TX = `0x${"ab12".repeat(16)}`;
const EVM_ADDRESS = `0x${"Cd34".repeat(10)}`;
const SOL_TX = "5".repeat(40) + "aBcDeFgHjK".repeat(4) + "zz";
const SOL_ADDRESS = "9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin";

describe("explorerLink", () => {
  it("builds each chain's links from the fixed table", () => {
    expect(explorerLink("ETH", "tx", EVM_TX)).toEqual({ href: `https://etherscan.io/tx/${EVM_TX}`, host: "etherscan.io" });
    expect(explorerLink("ETH", "address", EVM_ADDRESS)).toEqual({ href: `https://etherscan.io/address/${EVM_ADDRESS}`, host: "etherscan.io" });
    expect(explorerLink("BSC", "tx", EVM_TX)?.href).toBe(`https://bscscan.com/tx/${EVM_TX}`);
    expect(explorerLink("BSC", "address", EVM_ADDRESS)?.href).toBe(`https://bscscan.com/address/${EVM_ADDRESS}`);
    expect(explorerLink("SOL", "tx", SOL_TX)?.href).toBe(`https://solscan.io/tx/${SOL_TX}`);
    expect(explorerLink("SOL", "address", SOL_ADDRESS)?.href).toBe(`https://solscan.io/account/${SOL_ADDRESS}`);
  });

  it("matches the chain code case-insensitively and ignores surrounding blanks", () => {
    expect(explorerLink(" eth ", "tx", EVM_TX)?.host).toBe("etherscan.io");
  });

  it("gives no link for an unknown or missing chain, or a missing value", () => {
    expect(explorerLink("TRON", "tx", "a".repeat(64))).toBeNull();
    expect(explorerLink("__proto__", "tx", EVM_TX)).toBeNull();
    expect(explorerLink("constructor", "address", EVM_ADDRESS)).toBeNull();
    expect(explorerLink(undefined, "tx", EVM_TX)).toBeNull();
    expect(explorerLink("ETH", "tx", undefined)).toBeNull();
  });

  it("gives no link for a value in another chain's format", () => {
    expect(explorerLink("ETH", "tx", SOL_TX)).toBeNull();
    expect(explorerLink("SOL", "address", EVM_ADDRESS)).toBeNull();
    expect(explorerLink("ETH", "address", EVM_TX)).toBeNull();
    expect(explorerLink("ETH", "tx", EVM_ADDRESS)).toBeNull();
  });

  it("never lets a hostile value choose the scheme, host or path", () => {
    const hostile = [
      "javascript:alert(1)",
      `javascript:alert(1)//${EVM_TX}`,
      "https://evil.example/tx/abc",
      `${EVM_TX}/../../evil`,
      `${EVM_TX}?next=https://evil.example`,
      `${EVM_TX}#x`,
      `//evil.example/${EVM_TX}`,
      `${EVM_TX}\n`,
      ` ${EVM_TX}`,
      `${EVM_TX}%2F..%2Fevil`,
      `0x${"ab12".repeat(16)}@evil.example`,
      "",
    ];
    for (const value of hostile) {
      expect(explorerLink("ETH", "tx", value), value).toBeNull();
      expect(explorerLink("SOL", "tx", value), value).toBeNull();
      expect(explorerLink("BSC", "address", value), value).toBeNull();
    }
  });

  it("never follows a link the event offers, whatever the chain says", () => {
    expect(explorerLink("https://evil.example", "tx", EVM_TX)).toBeNull();
    expect(explorerLink("javascript:alert(1)", "address", EVM_ADDRESS)).toBeNull();
  });
});
