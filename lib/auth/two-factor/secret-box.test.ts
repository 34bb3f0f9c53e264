import { describe, expect, it } from "vitest";
import { openSecret, sealSecret, secretBoxKey } from "./secret-box";

const key = secretBoxKey("a".repeat(43));

describe("secret box", () => {
  it("opens what it sealed, and never stores the plaintext", () => {
    const sealed = sealSecret(key, "JBSWY3DPEHPK3PXP", "ops@example.test");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openSecret(key, sealed, "ops@example.test")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("seals the same key differently each time (fresh IV)", () => {
    expect(sealSecret(key, "JBSWY3DPEHPK3PXP", "a@x.io")).not.toBe(sealSecret(key, "JBSWY3DPEHPK3PXP", "a@x.io"));
  });

  it("does not open with another AUTH_SECRET, for another email, or altered", () => {
    const sealed = sealSecret(key, "JBSWY3DPEHPK3PXP", "ops@example.test");
    expect(openSecret(secretBoxKey("b".repeat(43)), sealed, "ops@example.test")).toBeNull();
    expect(openSecret(key, sealed, "other@example.test")).toBeNull();
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3] ?? "", "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(openSecret(key, [parts[0], parts[1], parts[2], flipped.toString("base64url")].join("."), "ops@example.test")).toBeNull();
    expect(openSecret(key, "garbage", "ops@example.test")).toBeNull();
  });
});
