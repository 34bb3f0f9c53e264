// Who a verified next-auth session is, as the dashboard sees it: the staff member's email and role, or
// null when the session no longer counts. One place, so every sign-in method maps to the same
// StaffIdentity:
//   password       — the STAFF_ACCOUNTS entry, read at each check (a removed account stops counting, a
//                    changed role applies after a restart);
//   single sign-on — the role its claim gave at sign-in; it stops counting when single sign-on is
//                    turned off or its email domain is no longer allowed.
import "server-only";
import type { Session } from "next-auth";
import type { StaffAccount } from "@/lib/env/auth";
import type { OidcSettings } from "@/lib/env/oidc";
import type { StaffRole } from "./roles";
import { emailDomainAllowed } from "./sso-profile";
import { ssoSessionClaimsSchema } from "./sso-session";
import { findStaffAccount } from "./staff-password";

export interface StaffIdentity {
  /** Lowercased. */
  email: string;
  role: StaffRole;
  /** How this session was signed in: a STAFF_ACCOUNTS password, or single sign-on. */
  signedInWith: "password" | "sso";
}

export interface IdentitySettings {
  staffAccounts: readonly StaffAccount[];
  oidc: OidcSettings | null;
}

function ssoIdentity(email: string | null | undefined, claims: unknown, oidc: OidcSettings | null): StaffIdentity | null {
  const parsed = ssoSessionClaimsSchema.safeParse(claims);
  if (!parsed.success || oidc === null || !email) return null;
  const wanted = email.toLowerCase();
  return emailDomainAllowed(wanted, oidc.allowedDomains) ? { email: wanted, role: parsed.data.role, signedInWith: "sso" } : null;
}

export function staffIdentityOf(session: Session | null, settings: IdentitySettings): StaffIdentity | null {
  if (!session) return null;
  const sso = (session as Session & { sso?: unknown }).sso;
  if (sso !== undefined) return ssoIdentity(session.user?.email, sso, settings.oidc);
  const account = findStaffAccount(settings.staffAccounts, session.user?.email);
  return account ? { email: account.email, role: account.role, signedInWith: "password" } : null;
}
