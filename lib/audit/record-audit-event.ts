// Appends one event to the audit log. Placeholder while the audit log's store is being built: it
// records nothing yet. Callers already pass everything the log keeps.
import "server-only";
import type { AuditEventInput } from "./audit-actions";

export async function recordAuditEvent(event: AuditEventInput): Promise<void> {
  void event;
}
