// Staff roles and what each may do: the one table every route handler (through withStaff) and every
// control in the page consults. No I/O, so the browser may import it too.
//   viewer   — sees the board, alerts and trade details; changes nothing the team shares (saves only
//              personal board views), sees no Steam trade URL.
//   operator — also acknowledges, assigns, snoozes, writes notes, exports and shares saved board views.
//   admin    — also reads the audit log, ends other staff members' sessions and deletes others' shared views.

export const STAFF_ROLES = ["viewer", "operator", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What a person with no explicit role gets (single sign-on without a role claim). */
export const DEFAULT_SSO_ROLE: StaffRole = "viewer";
/** What a STAFF_ACCOUNTS entry without a role gets (the pre-roles `email:hash` form). */
export const DEFAULT_PASSWORD_ROLE: StaffRole = "operator";

export type Capability =
  /** Acknowledge, assign, snooze, note. */
  | "act"
  | "export"
  | "see-trade-urls"
  | "read-audit"
  | "end-others-sessions"
  /** Save a board view shared with the team (anyone may save personal ones). */
  | "share-views"
  /** Delete a view someone else shared. */
  | "delete-shared-views";

const LEAST_ROLE: Record<Capability, StaffRole> = {
  act: "operator",
  export: "operator",
  "see-trade-urls": "operator",
  "read-audit": "admin",
  "end-others-sessions": "admin",
  "share-views": "operator",
  "delete-shared-views": "admin",
};

const RANK: Record<StaffRole, number> = { viewer: 0, operator: 1, admin: 2 };

export function can(role: StaffRole, capability: Capability): boolean {
  return RANK[role] >= RANK[LEAST_ROLE[capability]];
}

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
}
