import { describe, expect, it, vi } from "vitest";
import { emailDomainAllowed, readSsoProfile, roleFromClaim } from "./sso-profile";

const rules = { roleClaim: "role", allowedDomains: null };

describe("readSsoProfile", () => {
  it("admits a verified email with the role its claim names, lowercased", () => {
    const onUnknown = vi.fn();
    expect(readSsoProfile({ email: " Ada@Example.com ", email_verified: true, role: "admin" }, rules, onUnknown)).toEqual({
      ok: true,
      email: "ada@example.com",
      role: "admin",
    });
    expect(onUnknown).not.toHaveBeenCalled();
  });

  it("makes a person without the claim a viewer, and says nothing about it", () => {
    const onUnknown = vi.fn();
    expect(readSsoProfile({ email: "v@example.com" }, rules, onUnknown)).toMatchObject({ ok: true, role: "viewer" });
    expect(onUnknown).not.toHaveBeenCalled();
  });

  it("makes an unknown role a viewer and reports the value", () => {
    const onUnknown = vi.fn();
    expect(readSsoProfile({ email: "x@example.com", role: "superuser" }, rules, onUnknown)).toMatchObject({ ok: true, role: "viewer" });
    expect(onUnknown).toHaveBeenCalledWith("superuser");
  });

  it("reads no claim at all when no role claim is configured", () => {
    const onUnknown = vi.fn();
    const verdict = readSsoProfile({ email: "x@example.com", role: "admin" }, { roleClaim: null, allowedDomains: null }, onUnknown);
    expect(verdict).toMatchObject({ ok: true, role: "viewer" });
    expect(onUnknown).not.toHaveBeenCalled();
  });

  it("reads a namespaced claim name as one name", () => {
    const claim = "https://assetpay.example/role";
    expect(readSsoProfile({ email: "x@example.com", [claim]: "operator" }, { roleClaim: claim, allowedDomains: null }, vi.fn())).toMatchObject({
      role: "operator",
    });
  });

  it("refuses an email the provider says is unverified, when it says so", () => {
    expect(readSsoProfile({ email: "x@example.com", email_verified: false }, rules, vi.fn())).toEqual({ ok: false, refusal: "sso_unverified", email: "x@example.com" });
    expect(readSsoProfile({ email: "x@example.com", email_verified: "false" }, rules, vi.fn())).toMatchObject({ ok: false, refusal: "sso_unverified" });
    expect(readSsoProfile({ email: "x@example.com", email_verified: "true" }, rules, vi.fn())).toMatchObject({ ok: true });
  });

  it("refuses a sign-in without a usable email", () => {
    for (const claims of [{}, { email: "" }, { email: 42 }, { email: "not an email" }]) {
      expect(readSsoProfile(claims, rules, vi.fn())).toEqual({ ok: false, refusal: "sso_no_email", email: null });
    }
  });

  it("refuses an email outside the allowed domains, before reading the role", () => {
    const onUnknown = vi.fn();
    const allowed = { roleClaim: "role", allowedDomains: ["example.com"] };
    expect(readSsoProfile({ email: "eve@evil.example", role: "nonsense" }, allowed, onUnknown)).toEqual({
      ok: false,
      refusal: "sso_domain",
      email: "eve@evil.example",
    });
    expect(onUnknown).not.toHaveBeenCalled();
    expect(readSsoProfile({ email: "ada@EXAMPLE.com" }, allowed, onUnknown)).toMatchObject({ ok: true });
  });
});

describe("roleFromClaim", () => {
  it("takes the highest known role from a list of groups", () => {
    expect(roleFromClaim(["staff", "operator", "viewer"])).toEqual({ role: "operator", unknown: null });
    expect(roleFromClaim(["admin", "viewer"])).toEqual({ role: "admin", unknown: null });
  });

  it("names roles exactly, and anything else is unknown", () => {
    expect(roleFromClaim("Admin")).toEqual({ role: "viewer", unknown: "Admin" });
    expect(roleFromClaim(["staff"])).toEqual({ role: "viewer", unknown: ["staff"] });
    expect(roleFromClaim({ admin: true })).toEqual({ role: "viewer", unknown: { admin: true } });
    expect(roleFromClaim(undefined)).toEqual({ role: "viewer", unknown: null });
  });
});

describe("emailDomainAllowed", () => {
  it("compares the domain after the last @ exactly", () => {
    expect(emailDomainAllowed("a@example.com", ["example.com"])).toBe(true);
    expect(emailDomainAllowed("a@eu.example.com", ["example.com"])).toBe(false);
    expect(emailDomainAllowed("a@example.com.evil.example", ["example.com"])).toBe(false);
    expect(emailDomainAllowed('"a@example.com"@evil.example', ["example.com"])).toBe(false);
    expect(emailDomainAllowed("a@anything.example", null)).toBe(true);
  });
});
