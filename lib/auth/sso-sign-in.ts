// Single sign-on through the OpenID Connect provider of AUTH_OIDC_* (lib/env/oidc.ts): next-auth's
// provider entry, the check that admits or refuses a person at sign-in, and what the session JWT keeps
// of it (the role from the claim, read once at sign-in). config.ts calls these; everything about the
// provider's claims lives in ./sso-profile.
import "server-only";
import type { Account, Profile } from "next-auth";
import type { JWT } from "next-auth/jwt";
import type { OIDCConfig } from "next-auth/providers";
import { headers } from "next/headers";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { OidcSettings } from "@/lib/env/oidc";
import { clientAddress } from "./client-address";
import { processSingleton } from "./process-singleton";
import { DEFAULT_SSO_ROLE } from "./roles";
import { readSsoProfile } from "./sso-profile";
import { SSO_PROVIDER_ID } from "./sso-provider-id";
import { ssoRefusalPath } from "./sso-refusal";
import type { SsoSessionClaims } from "./sso-session";


export function ssoProvider(settings: OidcSettings): OIDCConfig<Profile> {
  return {
    id: SSO_PROVIDER_ID,
    type: "oidc",
    name: settings.name,
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    // PKCE binds the code to this browser, state binds the answer to the request that asked for it.
    checks: ["pkce", "state"],
  };
}

function isSsoSignIn(account: Account | null | undefined): boolean {
  return account?.provider === SSO_PROVIDER_ID;
}

const UNKNOWN_ROLES_KEPT = 100;

/** Says once per distinct value (per process) that a role claim named no role, so the log stays readable. */
function reportUnknownRole(claim: string, value: unknown): void {
  const seen = processSingleton("sso-unknown-roles", () => new Set<string>());
  // JSON with everything outside printable ASCII escaped: a claim may carry control or bidi characters.
  const shown = JSON.stringify(value ?? null)
    .slice(0, 200)
    .replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (seen.has(shown)) return;
  if (seen.size < UNKNOWN_ROLES_KEPT) seen.add(shown);
  console.warn(`[auth] single sign-on: claim ${JSON.stringify(claim)} holds ${shown}, not viewer, operator or admin; signing in as viewer`);
}

function readClaims(profile: Profile | undefined, settings: OidcSettings) {
  return readSsoProfile(profile ?? {}, settings, (value) => reportUnknownRole(settings.roleClaim ?? "", value));
}

async function requestOrigin(): Promise<{ address: string | null; userAgent: string | null }> {
  try {
    const request = await headers();
    return { address: clientAddress(request), userAgent: request.get("user-agent") };
  } catch {
    return { address: null, userAgent: null };
  }
}

/**
 * For next-auth's signIn callback: true to let the sign-in through (other providers are not ours to
 * judge), or the sign-in page's address with the reason. A refused domain is audited: it is the one
 * refusal that says someone of another organisation tried.
 */
export async function admitSsoSignIn(account: Account | null | undefined, profile: Profile | undefined, settings: OidcSettings | null): Promise<true | string> {
  if (!isSsoSignIn(account)) return true;
  if (settings === null) return ssoRefusalPath("sso_no_email");
  const verdict = readClaims(profile, settings);
  if (verdict.ok) return true;
  if (verdict.refusal === "sso_domain") {
    const origin = await requestOrigin();
    recordAuditEvent({
      actor: (verdict.email ?? "unknown").slice(0, 320),
      action: "sign-in-failed",
      detail: "single sign-on: email domain not allowed",
      ...origin,
    }).catch((error: unknown) => console.warn(`[auth] could not audit a refused single sign-on: ${error instanceof Error ? error.message : String(error)}`));
  }
  return ssoRefusalPath(verdict.refusal);
}

/**
 * For next-auth's jwt callback: at a single sign-on, the token keeps the email and the role the claim
 * gave (a changed claim applies at the next sign-in); any other time it is returned unchanged. A single
 * sign-on token is always marked as one, so it is never read as a STAFF_ACCOUNTS password session.
 */
export function withSsoClaims(token: JWT, account: Account | null | undefined, profile: Profile | undefined, settings: OidcSettings | null): JWT {
  if (!isSsoSignIn(account)) return token;
  const verdict = settings ? readClaims(profile, settings) : null;
  const sso: SsoSessionClaims = { role: verdict?.ok ? verdict.role : DEFAULT_SSO_ROLE };
  return verdict?.ok ? { ...token, email: verdict.email, sso } : { ...token, sso };
}
