// The trades as CSV, for operators and admins; a viewer gets 403. Every export is in the audit log
// (`export`, subject `trades`) before any row leaves.
// - POST { rows, view }: records that the signed-in staff member exported the board's current view. The
//   browser builds that file from the trades it shows (lib/trades/trades-csv.ts) and offers the download
//   only after this answers 200.
// - GET ?from=&to=&game=&type=&status=: the recorded trades whose AssetPay `updatedAt` is in [from, to)
//   (at most MAX_EXPORT_DAYS days; lib/trades/trades-csv-range.ts), streamed as text/csv in (updatedAt,
//   id) order from the store in keyset pages (lib/db/trade-export.ts), `X-Total-Rows` first so the page
//   can show progress. The count and the audit come before the stream; a trade that changes during the
//   export may move within or out of the range, so the rows written can differ a little from the count.
import { z } from "zod";
import { auditOriginOf } from "@/lib/audit/audit-origin";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { teamSource } from "@/lib/db/team-source";
import { EXPORT_PAGE_ROWS } from "@/lib/db/trade-export";
import { tradeExportCsv } from "@/lib/db/trade-export-csv";
import { stallLimitsFromEnv } from "@/lib/env/server";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { DEFAULT_STALL_LIMITS } from "@/lib/trades/stall-rules";
import { describeTradeExport, parseTradeExportQuery } from "@/lib/trades/trades-csv-range";
import { teamBody } from "../../alerts/team-request";

export const dynamic = "force-dynamic";

const exportBodySchema = z.object({
  rows: z.number().int().min(0).max(10_000_000),
  /** The view in words, as the board's URL says it ("game=rust&stalled=1"); empty for everything. */
  view: z.string().max(500),
});

const plural = (rows: number) => `${rows} ${rows === 1 ? "row" : "rows"}`;

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
      detail: `${plural(rows)}${view ? `; ${view}` : "; every trade"}`,
      ...auditOriginOf(request),
    });
    return noStoreJson({ recorded: true });
  },
  { sameOriginOnly: "Exports must come from the dashboard's own pages.", needs: "export" },
);

export const GET = withStaff(
  async (request, staff) => {
    const parsed = parseTradeExportQuery(new URL(request.url).searchParams);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return jsonError(400, "invalid_query", issue ? `${issue.path.join(".") || "query"}: ${issue.message}` : "bad query");
    }
    const range = parsed.data;
    const store = teamSource();
    const { rows } = await store.call({ op: "trade-export-count", range });
    // Written before the first byte: no file the log does not show.
    await recordAuditEvent({
      actor: staff.email,
      action: "export",
      subject: "trades",
      detail: `${plural(rows)}; history ${describeTradeExport(range)}`,
      ...auditOriginOf(request),
    });
    const body = tradeExportCsv((after) => store.call({ op: "trade-export-page", range, after, limit: EXPORT_PAGE_ROWS }), {
      nowMs: Date.now(),
      limits: { ...DEFAULT_STALL_LIMITS, ...stallLimitsFromEnv() },
      onError: (error) => console.error(`[trades export] stopped mid-stream: ${error.message}`),
    });
    const day = (iso: string) => iso.slice(0, 10);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="trades-${day(range.from)}-to-${day(range.to)}.csv"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        "x-total-rows": String(rows),
      },
    });
  },
  { sameOriginOnly: "Exports must come from the dashboard's own pages.", needs: "export" },
);
