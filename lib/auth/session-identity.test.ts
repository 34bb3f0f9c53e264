import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import type { OidcSettings } from "@/lib/env/oidc";
import { staffIdentityOf } from "./session-identity";

const HASH = "$2b$10$abcdefghijklmnopqrstuu5vU5mP7XwQH6L2yWq8o0m6fI9cJzR1y";
const staffAccounts = [{ email: "ops@example.com", role: "admin" as const, passwordHash: HASH }];
const oidc: OidcSettings = {
  issuer: "https://login.example.com",
  clientId: "ops",
  clientSecret: "secret",
  name: "SSO",
  roleClaim: "role",
  allowedDomains: ["example.com"],
};

function session(email: string, extra: Record<string, unknown> = {}): Session {
  return { user: { email }, expires: new Date(Date.now() + 60_000).toISOString(), ...extra } as Session;
}

describe("staffIdentityOf", () => {
  it("reads a password session's role from STAFF_ACCOUNTS, and refuses one whose account was removed", () => {
    expect(staffIdentityOf(session("Ops@Example.com"), { staffAccounts, oidc: null })).toEqual({ email: "ops@example.com", role: "admin", signedInWith: "password" });
    expect(staffIdentityOf(session("gone@example.com"), { staffAccounts, oidc })).toBeNull();
    expect(staffIdentityOf(null, { staffAccounts, oidc })).toBeNull();
  });

  it("accepts a single sign-on session that is not in STAFF_ACCOUNTS, with the role from its claim", () => {
    expect(staffIdentityOf(session("ada@example.com", { sso: { role: "operator" } }), { staffAccounts, oidc })).toEqual({
      email: "ada@example.com",
      role: "operator",
      signedInWith: "sso",
    });
  });

  it("never reads a single sign-on session as the password account of the same email", () => {
    expect(staffIdentityOf(session("ops@example.com", { sso: { role: "viewer" } }), { staffAccounts, oidc })).toEqual({
      email: "ops@example.com",
      role: "viewer",
      signedInWith: "sso",
    });
    expect(staffIdentityOf(session("ops@example.com", { sso: { role: "root" } }), { staffAccounts, oidc })).toBeNull();
    expect(staffIdentityOf(session("ops@example.com", { sso: null }), { staffAccounts, oidc })).toBeNull();
  });

  it("ends single sign-on sessions when single sign-on is turned off or their domain is no longer allowed", () => {
    const ada = session("ada@example.com", { sso: { role: "admin" } });
    expect(staffIdentityOf(ada, { staffAccounts, oidc: null })).toBeNull();
    expect(staffIdentityOf(ada, { staffAccounts, oidc: { ...oidc, allowedDomains: ["example.org"] } })).toBeNull();
    expect(staffIdentityOf(ada, { staffAccounts, oidc: { ...oidc, allowedDomains: null } })).toEqual({ email: "ada@example.com", role: "admin", signedInWith: "sso" });
  });
});
