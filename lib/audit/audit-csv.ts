// The audit log as CSV, the columns the /audit page shows (times as ISO, in UTC). Every cell goes
// through lib/csv/csv-cell.ts, so a spreadsheet never runs what a staff member typed. No I/O.
import { csvRow } from "@/lib/csv/csv-cell";
import type { AuditEntry } from "./audit-actions";

export const AUDIT_CSV_HEADER = ["When (UTC)", "Who", "Action", "Subject", "Detail", "Address", "User agent"] as const;

export function auditCsv(entries: readonly AuditEntry[]): string {
  let csv = csvRow(AUDIT_CSV_HEADER);
  for (const e of entries) csv += csvRow([e.at, e.actor, e.action, e.subject, e.detail, e.address, e.userAgent]);
  return csv;
}
