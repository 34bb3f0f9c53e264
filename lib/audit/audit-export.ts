// Everything the export's filters select, newest first, read page by page through the same team calls
// as the page (PostgreSQL or the recorder), and capped so one download cannot hold the server's memory.
import "server-only";
import { teamSource } from "@/lib/db/team-source";
import type { AuditEntry } from "./audit-actions";
import type { AuditQuery } from "./audit-schema";

export const AUDIT_EXPORT_MAX_ROWS = 50_000;
const EXPORT_PAGE = 2_000;

export async function exportAuditEntries(query: AuditQuery): Promise<{ entries: AuditEntry[]; truncated: boolean }> {
  const source = teamSource();
  const entries: AuditEntry[] = [];
  let before = null as string | null;
  for (;;) {
    const limit = Math.min(EXPORT_PAGE, AUDIT_EXPORT_MAX_ROWS - entries.length);
    const page = await source.call({ op: "audit-read", query: { ...query, before, limit } });
    entries.push(...page.entries);
    if (page.nextCursor === null) return { entries, truncated: false };
    if (entries.length >= AUDIT_EXPORT_MAX_ROWS) return { entries, truncated: true };
    before = page.nextCursor;
  }
}
