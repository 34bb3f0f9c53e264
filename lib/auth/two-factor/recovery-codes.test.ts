import { describe, expect, it } from "vitest";
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";

describe("recovery codes", () => {
  it("are ten distinct codes of the form xxxxx-xxxxx", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });

  it("are read back however they are typed, and hashed the same", () => {
    const [code = ""] = newRecoveryCodes();
    const normalized = normalizeRecoveryCode(code);
    expect(normalized).toBe(code.replace("-", ""));
    expect(normalizeRecoveryCode(` ${code.toUpperCase().replace("-", " - ")} `)).toBe(normalized);
    expect(hashRecoveryCode(normalized ?? "")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuse what cannot be a recovery code", () => {
    expect(normalizeRecoveryCode("123456")).toBeNull();
    expect(normalizeRecoveryCode("abcde-fghi0")).toBeNull();
    expect(normalizeRecoveryCode("abcde-fghjkm")).toBeNull();
  });
});
