// What an OpenID Connect sign-in says about a person, read from the provider's ID token claims: the
// email (refused when missing, when the provider says it is unverified, or outside the allowed domains)
// and the role (from the configured claim; missing or unknown → viewer). No I/O: the caller decides
// how to report an unknown role.
import type { OidcSettings } from "@/lib/env/oidc";
import { DEFAULT_SSO_ROLE, STAFF_ROLES, type StaffRole } from "./roles";
import type { SsoRefusal } from "./sso-refusal";

export type SsoVerdict =
  | { ok: true; email: string; role: StaffRole }
  | { ok: false; refusal: SsoRefusal; /** Lowercased, when the provider sent one. */ email: string | null };

type SsoRules = Pick<OidcSettings, "roleClaim" | "allowedDomains">;

/** Emails are compared by their domain, exactly (a subdomain must be listed itself). */
export function emailDomainAllowed(email: string, allowedDomains: readonly string[] | null): boolean {
  if (allowedDomains === null) return true;
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return allowedDomains.includes(domain);
}

/**
 * The provider vouches for the email unless it says otherwise: `email_verified` is optional in OpenID
 * Connect, but when it is sent and is not true (some providers send the string "true"), we refuse.
 */
function emailVerified(claims: Record<string, unknown>): boolean {
  if (!("email_verified" in claims) || claims.email_verified === undefined) return true;
  return claims.email_verified === true || claims.email_verified === "true";
}

/**
 * The role a claim value names: a string, or a list of them (groups, as Entra ID and Keycloak send),
 * of which the highest known role wins. `unknown` is the value when it named none (null when missing).
 */
export function roleFromClaim(value: unknown): { role: StaffRole; unknown: unknown } {
  if (value === undefined || value === null) return { role: DEFAULT_SSO_ROLE, unknown: null };
  const candidates = Array.isArray(value) ? value : [value];
  const known = STAFF_ROLES.filter((role) => candidates.includes(role));
  const highest = known.at(-1);
  return highest !== undefined ? { role: highest, unknown: null } : { role: DEFAULT_SSO_ROLE, unknown: value };
}

export function readSsoProfile(claims: Record<string, unknown>, rules: SsoRules, onUnknownRole: (value: unknown) => void): SsoVerdict {
  const rawEmail = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  const email = /^[^\s@]+@[^\s@]+$/.test(rawEmail) ? rawEmail : null;
  if (email === null) return { ok: false, refusal: "sso_no_email", email: null };
  if (!emailVerified(claims)) return { ok: false, refusal: "sso_unverified", email };
  if (!emailDomainAllowed(email, rules.allowedDomains)) return { ok: false, refusal: "sso_domain", email };
  if (rules.roleClaim === null) return { ok: true, email, role: DEFAULT_SSO_ROLE };
  const { role, unknown } = roleFromClaim(claims[rules.roleClaim]);
  if (unknown !== null) onUnknownRole(unknown);
  return { ok: true, email, role };
}
