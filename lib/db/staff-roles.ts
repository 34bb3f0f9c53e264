// The role each staff member last signed in with (table staff_roles, migration 12). Written at every
// sign-in, in the same call that records the session: the answer is the role before this sign-in, so
// a change (STAFF_ACCOUNTS edited, or the single sign-on claim changed) becomes a `role-change` audit
// event (lib/auth/session-events.ts). Single sign-on staff have no STAFF_ACCOUNTS entry; this table is
// how the staff directory (lib/auth/staff-directory.ts) knows them.
import "server-only";
import type { Queryable } from "./database";

export interface StaffRoleSeen {
  email: string;
  role: string;
  provider: string;
}

/** Records `role` as this email's current role; the role it had before, or null at a first sign-in. */
export async function noteStaffRole(db: Queryable, seen: StaffRoleSeen): Promise<string | null> {
  const [before] = await db.query<{ role: string }>("SELECT role FROM staff_roles WHERE email = $1", [seen.email]);
  await db.query(
    `INSERT INTO staff_roles (email, role, provider) VALUES ($1, $2, $3)
     ON CONFLICT (email) DO UPDATE SET
       role = EXCLUDED.role,
       provider = EXCLUDED.provider,
       since = CASE WHEN staff_roles.role = EXCLUDED.role THEN staff_roles.since ELSE now() END,
       last_sign_in_at = now()`,
    [seen.email, seen.role, seen.provider],
  );
  return before?.role ?? null;
}

/** Staff who last signed in through single sign-on, by email. */
export async function singleSignOnStaff(db: Queryable): Promise<StaffRoleSeen[]> {
  return db.query<StaffRoleSeen>("SELECT email, role, provider FROM staff_roles WHERE provider <> 'credentials' ORDER BY email");
}
