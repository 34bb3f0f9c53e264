// POST { rows, view } (operators and admins): records that the signed-in staff member exported the
// board's current view as CSV (`export` in the audit log: how many rows, which view). The browser builds
// the file from the trades it shows (lib/trades/trades-csv.ts) and offers the download only after this
// answers 200, so every export the page makes is in the log; a viewer gets 403 and no file.
import { z } from "zod";
import { auditOriginOf } from "@/lib/audit/audit-origin";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { teamBody } from "../../alerts/team-request";

export const dynamic = "force-dynamic";

const exportBodySchema = z.object({
  rows: z.number().int().min(0).max(10_000_000),
  /** The view in words, as the board's URL says it ("game=rust&stalled=1"); empty for everything. */
  view: z.string().max(500),
});

export const POST = withStaff(
  async (request, staff) => {
    const body = await teamBody(request, exportBodySchema);
    if (!body.ok) return body.response;
    const { rows, view } = body.value;
    // Written before the answer: no file the log does not show.
    await recordAuditEvent({
      actor: staff.email,
      action: "export",
      subject: "trades",
      detail: `${rows} ${rows === 1 ? "row" : "rows"}${view ? `; ${view}` : "; every trade"}`,
      ...auditOriginOf(request),
    });
    return noStoreJson({ recorded: true });
  },
  { sameOriginOnly: "Exports must come from the dashboard's own pages.", needs: "export" },
);
