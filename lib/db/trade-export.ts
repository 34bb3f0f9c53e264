// Reads of a history export (GET /api/trades/export): how many recorded trades a range and its filters
// hold, and one page of them in (updated_at, id) order, keyset-paged so every page is an index range
// scan (trades_updated, migration 15) and memory stays flat however long the range. The cursor is
// updated_at in microseconds since 1970 (exactly what timestamptz keeps), as a decimal string, and the
// id. Never writes.
import "server-only";
import { z } from "zod";
import type { TradeExportRange } from "@/lib/trades/trades-csv-range";
import type { Queryable, SqlParam } from "./database";
import { isoFromDb } from "./sql-values";

/** Rows per page: a few MB of payloads per page over the recorder's loopback API. */
export const EXPORT_PAGE_ROWS = 2_000;
export const MAX_EXPORT_PAGE_ROWS = 5_000;

export const exportCursorSchema = z.object({ afterUs: z.string().regex(/^-?\d{1,20}$/), afterId: z.string().min(1).max(400) });
export type ExportCursor = z.infer<typeof exportCursorSchema>;

export const tradeExportPageSchema = z.object({
  rows: z.array(
    z.object({
      id: z.string(),
      payload: z.unknown(),
      /** When the trade last entered its current status, per its recorded history; null when none recorded. */
      statusSince: z.string().nullable(),
      missing: z.boolean(),
    }),
  ),
  next: exportCursorSchema.nullable(),
});
export type TradeExportPage = z.infer<typeof tradeExportPageSchema>;

/** The WHERE clause of a range and its filters, its values appended to `params`. */
function rangeWhere(range: TradeExportRange, params: SqlParam[]): string {
  params.push(range.from, range.to);
  const clauses = ["t.updated_at >= $1::timestamptz", "t.updated_at < $2::timestamptz"];
  const anyOf = (column: string, values: readonly string[]) => {
    if (values.length === 0) return;
    params.push(values);
    clauses.push(`t.${column} = ANY($${params.length}::text[])`);
  };
  anyOf("game", range.games);
  anyOf("type", range.types);
  anyOf("status", range.statuses);
  return clauses.join(" AND ");
}

export async function countTradeExport(db: Queryable, range: TradeExportRange): Promise<number> {
  const params: SqlParam[] = [];
  const [row] = await db.query<{ n: number | string }>(`SELECT count(*) AS n FROM trades t WHERE ${rangeWhere(range, params)}`, params);
  return Number(row?.n ?? 0);
}

interface PageRow {
  id: string;
  payload: unknown;
  at_us: string | number;
  status_since: unknown;
  missing: boolean;
}

export async function readTradeExportPage(
  db: Queryable,
  range: TradeExportRange,
  after: ExportCursor | null,
  limit: number,
): Promise<TradeExportPage> {
  const params: SqlParam[] = [];
  let where = rangeWhere(range, params);
  if (after) {
    params.push(after.afterUs, after.afterId);
    const n = params.length;
    where += ` AND (t.updated_at, t.id) > ('epoch'::timestamptz + $${n - 1}::int8 * interval '1 microsecond', $${n}::text)`;
  }
  params.push(limit);
  const rows = await db.query<PageRow>(
    `SELECT t.id, t.payload, (extract(epoch FROM t.updated_at) * 1000000)::int8::text AS at_us,
       t.missing_at IS NOT NULL AS missing,
       (SELECT max(h.at) FROM trade_history h WHERE h.trade_id = t.id AND h.status = t.status) AS status_since
     FROM trades t WHERE ${where}
     ORDER BY t.updated_at, t.id LIMIT $${params.length}`,
    params,
  );
  const last = rows[rows.length - 1];
  return {
    rows: rows.map((row) => ({
      id: row.id,
      payload: row.payload,
      statusSince: row.status_since === null || row.status_since === undefined ? null : isoFromDb(row.status_since),
      missing: row.missing === true,
    })),
    next: last && rows.length === limit ? { afterUs: String(last.at_us), afterId: last.id } : null,
  };
}
