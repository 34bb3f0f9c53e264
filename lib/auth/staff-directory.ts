// Who a trade or an alert may be assigned to: staff whose role may act (operators and admins). Today
// that is the STAFF_ACCOUNTS entries; staff who sign in another way (single sign-on) join the list
// here, in staffDirectory, so the picker and the assign routes' check never disagree.
import "server-only";
import { env } from "@/lib/env/server";
import { can, type StaffRole } from "./roles";

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
  return assignableOf(env().staffAccounts);
}

/** The directory's entry for this email (any letter case), or null when it names nobody assignable. */
export async function findAssignable(email: string): Promise<DirectoryEntry | null> {
  const wanted = email.trim().toLowerCase();
  return (await staffDirectory()).find((entry) => entry.email === wanted) ?? null;
}
