// Who a verified next-auth session is, as the dashboard sees it: the staff member's email and role, or
// null when the session no longer counts (a password account removed from STAFF_ACCOUNTS). One place,
// so every sign-in method (password, single sign-on) maps to the same StaffIdentity.
import "server-only";
import type { Session } from "next-auth";
import type { StaffAccount } from "@/lib/env/auth";
import type { StaffRole } from "./roles";
import { findStaffAccount } from "./staff-password";

export interface StaffIdentity {
  /** Lowercased. */
  email: string;
  role: StaffRole;
}

export function staffIdentityOf(session: Session | null, accounts: readonly StaffAccount[]): StaffIdentity | null {
  const account = findStaffAccount(accounts, session?.user?.email);
  // The role is read from STAFF_ACCOUNTS at each check, so a changed role applies after a restart.
  return account ? { email: account.email, role: account.role } : null;
}
