// Holds a staff member who must have two-factor sign-in (./policy) but has not set it up: pages send
// them to /settings, and withStaff answers every route but the two-factor settings with 403
// `two_factor_required` (lib/http/with-staff.ts). Nothing is looked up while the policy does not cover
// the account; an account seen with two-factor sign-in on is remembered for the life of the process,
// which is safe because an account the policy covers cannot turn it off (./enrolment).
import "server-only";
import { redirect } from "next/navigation";
import type { StaffSession } from "@/lib/auth/guards";
import { processSingleton } from "@/lib/auth/process-singleton";
import { findStaffAccount } from "@/lib/auth/staff-password";
import { teamSource } from "@/lib/db/team-source";
import { env } from "@/lib/env/server";
import { twoFactorRequired } from "./policy";

export const TWO_FACTOR_SETTINGS_PATH = "/settings";

function enrolled(): Set<string> {
  return processSingleton("two-factor-enrolled", () => new Set<string>());
}

/** Signs in with a STAFF_ACCOUNTS password (not single sign-on): two-factor sign-in applies. */
export function isPasswordAccount(staff: StaffSession): boolean {
  return staff.signedInWith === "password" && findStaffAccount(env().staffAccounts, staff.email) !== null;
}

/** AUTH_REQUIRE_TWO_FACTOR covers this staff member (a password account of a role it names). */
export function twoFactorRequiredFor(staff: StaffSession): boolean {
  return twoFactorRequired(env().requireTwoFactor, { role: staff.role, passwordAccount: isPasswordAccount(staff) });
}

/** Remembers (or forgets) that this email has two-factor sign-in on; the settings routes call it. */
export function noteTwoFactorEnabled(email: string, enabled: boolean): void {
  if (enabled) enrolled().add(email);
  else enrolled().delete(email);
}

/** Must set up two-factor sign-in before anything else. Throws RecorderUnavailableError when it cannot tell. */
export async function twoFactorEnrolmentDue(staff: StaffSession): Promise<boolean> {
  if (!twoFactorRequiredFor(staff) || enrolled().has(staff.email)) return false;
  const record = await teamSource().call({ op: "two-factor-read", email: staff.email });
  if (record.secret === null) return true;
  noteTwoFactorEnabled(staff.email, true);
  return false;
}

/**
 * For pages (through requireStaffSession): sends a staff member who must enrol to /settings. Pages
 * name themselves (`returnTo`); the dashboard layout does not and is skipped, as is /settings itself.
 */
export async function redirectUntilEnrolled(staff: StaffSession, returnTo: string | undefined): Promise<void> {
  if (returnTo === undefined || returnTo === TWO_FACTOR_SETTINGS_PATH) return;
  // Unknown while the store is unreachable: the page's own API calls answer 503 meanwhile (withStaff).
  const due = await twoFactorEnrolmentDue(staff).catch(() => false);
  if (due) redirect(TWO_FACTOR_SETTINGS_PATH);
}
