// Who a trade or an alert may be assigned to: staff whose role may act (operators and admins): the
// STAFF_ACCOUNTS entries, and, with single sign-on on, the single sign-on staff who have signed in
// (with the role of their latest sign-in, lib/db/staff-roles.ts). One list, so the picker and the
// assign routes' check never disagree.
import "server-only";
import { RecorderUnavailableError } from "@/lib/db/recorded-source";
import { teamSource } from "@/lib/db/team-source";
import { env } from "@/lib/env/server";
import { can, isStaffRole, type StaffRole } from "./roles";

export interface DirectoryEntry {
  /** Lowercased. */
  email: string;
  role: StaffRole;
}

/** The assignable people among these accounts, by email. Pure. */
export function assignableOf(accounts: readonly DirectoryEntry[]): DirectoryEntry[] {
  return accounts
    .filter((account) => can(account.role, "act"))
    .map((account) => ({ email: account.email, role: account.role }))
    .sort((a, b) => a.email.localeCompare(b.email));
}

/** Everyone who can be assigned, by email. */
export async function staffDirectory(): Promise<DirectoryEntry[]> {
  const { staffAccounts, oidc } = env();
  if (oidc === null) return assignableOf(staffAccounts);
  const known = new Set(staffAccounts.map((account) => account.email));
  const signedInWithSso = (await singleSignOnStaffSeen()).filter((entry) => !known.has(entry.email));
  return assignableOf([...staffAccounts, ...signedInWithSso]);
}

/** Single sign-on staff who have signed in; none while the store cannot be reached (said in the log). */
async function singleSignOnStaffSeen(): Promise<DirectoryEntry[]> {
  try {
    const seen = await teamSource().call({ op: "single-sign-on-staff" });
    return seen.flatMap((entry) => (isStaffRole(entry.role) ? [{ email: entry.email, role: entry.role }] : []));
  } catch (error) {
    if (!(error instanceof RecorderUnavailableError)) throw error;
    console.warn(`[staff] single sign-on staff left out of the directory: ${error.message}`);
    return [];
  }
}

/** The directory's entry for this email (any letter case), or null when it names nobody assignable. */
export async function findAssignable(email: string): Promise<DirectoryEntry | null> {
  const wanted = email.trim().toLowerCase();
  return (await staffDirectory()).find((entry) => entry.email === wanted) ?? null;
}
