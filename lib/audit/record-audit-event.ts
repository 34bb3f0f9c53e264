// Appends one event to the audit log, in its own write: PostgreSQL directly (DATABASE_URL), else the
// recorder that owns PGlite over its loopback API — the same path as every team call (lib/db/team-source).
// Team actions do not come here: they are written in the same transaction as the change they record.
// Rejects (RecorderUnavailableError) when the log cannot be reached; callers whose action must not fail
// for that (sign-in) catch it into a warning.
import "server-only";
import { teamSource } from "@/lib/db/team-source";
import { type AuditEntry, type AuditEventInput, boundedAuditEvent } from "./audit-actions";

export async function recordAuditEvent(event: AuditEventInput): Promise<AuditEntry> {
  return teamSource().call({ op: "audit-append", event: boundedAuditEvent(event) });
}
