import { describe, expect, it } from "vitest";
import { twoFactorRequired } from "./policy";

describe("AUTH_REQUIRE_TWO_FACTOR", () => {
  it("off: nobody must", () => {
    expect(twoFactorRequired("off", { role: "admin", passwordAccount: true })).toBe(false);
  });

  it("admins: password admins must, others need not", () => {
    expect(twoFactorRequired("admins", { role: "admin", passwordAccount: true })).toBe(true);
    expect(twoFactorRequired("admins", { role: "operator", passwordAccount: true })).toBe(false);
    expect(twoFactorRequired("admins", { role: "viewer", passwordAccount: true })).toBe(false);
  });

  it("everyone: every password account must; single sign-on accounts never", () => {
    expect(twoFactorRequired("everyone", { role: "viewer", passwordAccount: true })).toBe(true);
    expect(twoFactorRequired("everyone", { role: "admin", passwordAccount: false })).toBe(false);
  });
});
