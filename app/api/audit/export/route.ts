// GET ?actor=&action=&from=&to= (admins): the filtered audit log as a CSV download, newest first, at
// most MAX_EXPORT_ROWS rows. The export itself is then recorded in the log as `export`.
import { auditCsv } from "@/lib/audit/audit-csv";
import { AUDIT_EXPORT_MAX_ROWS, exportAuditEntries } from "@/lib/audit/audit-export";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { auditOriginOf } from "@/lib/audit/audit-origin";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { jsonError } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";

export const dynamic = "force-dynamic";

export const GET = withStaff(
  async (request, staff) => {
    const filters = parseAuditFilters(new URL(request.url).searchParams);
    if (!filters.ok) return jsonError(400, "invalid_query", filters.message);
    const { entries, truncated } = await exportAuditEntries(filters.query);
    // Recorded before the answer leaves: no download of the log that the log does not show.
    await recordAuditEvent({
      actor: staff.email,
      action: "export",
      subject: "audit-log",
      detail: `${entries.length} ${entries.length === 1 ? "row" : "rows"}${truncated ? ` (first ${AUDIT_EXPORT_MAX_ROWS})` : ""}${filters.summary ? `; ${filters.summary}` : ""}`,
      ...auditOriginOf(request),
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(auditCsv(entries), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-log-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
  { needs: "read-audit" },
);
