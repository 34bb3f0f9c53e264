import { afterEach, describe, expect, it, vi } from "vitest";
import type { OidcSettings } from "@/lib/env/oidc";

const recordAuditEvent = vi.fn(async () => undefined);
vi.mock("@/lib/audit/record-audit-event", () => ({ recordAuditEvent }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-assetpay-ops-socket-address": "203.0.113.7", "user-agent": "Browser/1.0" }),
}));

const { admitSsoSignIn, withSsoClaims } = await import("./sso-sign-in");

const settings: OidcSettings = {
  issuer: "https://login.example.com",
  clientId: "ops",
  clientSecret: "secret",
  name: "SSO",
  roleClaim: "role",
  allowedDomains: ["example.com"],
};
const sso = { provider: "oidc", type: "oidc" as const, providerAccountId: "sub-1" };
const password = { provider: "credentials", type: "credentials" as const, providerAccountId: "ops@example.com" };

afterEach(() => {
  recordAuditEvent.mockClear();
  vi.restoreAllMocks();
});

describe("admitSsoSignIn", () => {
  it("leaves password sign-ins alone", async () => {
    expect(await admitSsoSignIn(password, undefined, settings)).toBe(true);
  });

  it("admits an allowed, verified email", async () => {
    expect(await admitSsoSignIn(sso, { email: "ada@example.com", email_verified: true }, settings)).toBe(true);
    expect(recordAuditEvent).not.toHaveBeenCalled();
  });

  it("sends a refused domain back to the sign-in page and audits it as a failed sign-in", async () => {
    expect(await admitSsoSignIn(sso, { email: "Eve@Evil.example" }, settings)).toBe("/sign-in?error=AccessDenied&code=sso_domain");
    expect(recordAuditEvent).toHaveBeenCalledWith(
      expect.objectContaining({ actor: "eve@evil.example", action: "sign-in-failed", address: "203.0.113.7", userAgent: "Browser/1.0" }),
    );
  });

  it("still refuses when the audit log is unavailable", async () => {
    recordAuditEvent.mockRejectedValueOnce(new Error("store down"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(await admitSsoSignIn(sso, { email: "eve@evil.example" }, settings)).toBe("/sign-in?error=AccessDenied&code=sso_domain");
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringMatching(/could not audit/)));
  });

  it("refuses an unverified email without auditing it", async () => {
    expect(await admitSsoSignIn(sso, { email: "ada@example.com", email_verified: false }, settings)).toBe("/sign-in?error=AccessDenied&code=sso_unverified");
    expect(recordAuditEvent).not.toHaveBeenCalled();
  });
});

describe("withSsoClaims", () => {
  it("keeps the claim's role in the token at a single sign-on, and leaves other tokens unchanged", () => {
    const token = { email: "Ada@Example.com", sub: "x" };
    expect(withSsoClaims(token, sso, { email: "Ada@Example.com", role: "operator" }, settings)).toEqual({
      email: "ada@example.com",
      sub: "x",
      sso: { role: "operator" },
    });
    expect(withSsoClaims(token, password, undefined, settings)).toBe(token);
    expect(withSsoClaims(token, null, undefined, settings)).toBe(token);
  });

  it("logs an unknown role once per value", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const profile = { email: "ada@example.com", role: "root\u202e" };
    expect(withSsoClaims({}, sso, profile, settings)).toMatchObject({ sso: { role: "viewer" } });
    withSsoClaims({}, sso, profile, settings);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('"root\\u202e"');
  });
});
