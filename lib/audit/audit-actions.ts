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
  "shared-view-created",
  "shared-view-deleted",
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

/** Where a staff action came from, as the route saw it. */
export interface AuditOrigin {
  address: string | null;
  userAgent: string | null;
}

/** One row of the audit log, as the API serves it. */
export interface AuditEntry {
  /** The log's own order (newest has the highest), as text: the paging cursor. */
  seq: string;
  id: string;
  at: string;
  actor: string;
  action: AuditAction;
  subject: string | null;
  detail: string | null;
  address: string | null;
  userAgent: string | null;
}

/** The longest value each field keeps; longer input is cut, never refused (the log must not lose an event). */
export const AUDIT_LIMITS = { actor: 320, subject: 400, detail: 2_000, address: 100, userAgent: 512 } as const;

function cut(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  return value.length > max ? value.slice(0, max) : value;
}

/** The event as the log keeps it: every field present and within AUDIT_LIMITS. */
export function boundedAuditEvent(event: AuditEventInput): Required<AuditEventInput> {
  return {
    actor: cut(event.actor, AUDIT_LIMITS.actor) || "(none)",
    action: event.action,
    subject: cut(event.subject, AUDIT_LIMITS.subject),
    detail: cut(event.detail, AUDIT_LIMITS.detail),
    address: cut(event.address, AUDIT_LIMITS.address),
    userAgent: cut(event.userAgent, AUDIT_LIMITS.userAgent),
  };
}
