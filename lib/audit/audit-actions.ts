// The kinds of staff action the audit log records. No I/O: the audit page's filter imports it too.
export const AUDIT_ACTIONS = [
  "sign-in",
  "sign-in-failed",
  "sign-out",
  "sign-out-everywhere",
  "session-revoked",
  "session-expired",
  "role-change",
  "two-factor-enrolled",
  "two-factor-removed",
  "recovery-code-used",
  "acknowledge",
  "acknowledge-all",
  "assign",
  "snooze",
  "note",
  "export",
  "settings",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEventInput {
  /** Staff email; for a failed sign-in, the email that was tried (lowercased, at most 320 characters). */
  actor: string;
  action: AuditAction;
  /** What it was done to: an alert id, a trade id, a staff email, "all"; null when nothing. */
  subject?: string | null;
  /** A short human-readable detail (never a secret, never a password or code). */
  detail?: string | null;
  /** The client address as lib/auth/client-address.ts determines it. */
  address: string | null;
  userAgent: string | null;
}
