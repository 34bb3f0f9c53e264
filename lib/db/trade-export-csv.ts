// A history export as a CSV byte stream: the header row, then every recorded trade of the range page by
// page (./trade-export.ts), each written by the one CSV writer (lib/csv) as the board's Export CSV writes
// it (lib/trades/trades-csv.ts). The next page is asked for only when the reader has taken what came
// before (stream backpressure), so memory stays flat for a million rows; cancelling the stream stops the
// paging. The stall verdict is judged at export time with the board's rules. Never writes.
import "server-only";
import type { Stringifier } from "csv-stringify";
import { csvStream } from "@/lib/csv/csv-stream";
import { assessStall, type StallLimits } from "@/lib/trades/stall-rules";
import { type ExportableTrade, TRADE_CSV_COLUMNS, tradeCsvRecord } from "@/lib/trades/trades-csv";
import type { CsvValue } from "@/lib/csv/csv-cell";
import { parseTrade } from "@/lib/wire/parse-trade";
import { type ExportCursor, EXPORT_PAGE_ROWS, type TradeExportPage } from "./trade-export";

/** Reads the page after `after` (null: the first page). */
export type ExportPager = (after: ExportCursor | null) => Promise<TradeExportPage>;

type ExportRow = TradeExportPage["rows"][number];

/** When the trade entered its current status, by the board's rule (lib/store): activeAt for `active`, else the recorded history. */
function exportableOf(row: ExportRow): ExportableTrade | null {
  const parsed = parseTrade(row.payload);
  if (!parsed.ok) return null;
  const trade = parsed.value;
  const recorded = row.statusSince !== null && Date.parse(row.statusSince) <= Date.parse(trade.updatedAt) ? row.statusSince : null;
  const enteredStatusAt = trade.status === "active" && trade.activeAt !== undefined ? trade.activeAt : (recorded ?? trade.updatedAt);
  return { trade, enteredStatusAt, ...(row.missing ? { missing: true } : {}) };
}

/** One record per recorded row; a payload lib/wire cannot read (never stored by the recorder) keeps its id. */
export function exportRecordOf(row: ExportRow, nowMs: number, limits: StallLimits): CsvValue[] {
  const exportable = exportableOf(row);
  if (!exportable) return TRADE_CSV_COLUMNS.map((column) => (column === "id" ? row.id : null));
  const stalled = assessStall(exportable.trade, exportable.enteredStatusAt, nowMs, limits).stalled;
  return tradeCsvRecord(exportable, stalled);
}

function drainedOrClosed(csv: Stringifier): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      csv.off("drain", done);
      csv.off("close", done);
      resolve();
    };
    csv.on("drain", done);
    csv.on("close", done);
  });
}

/** Writes every record into `csv`, a page at a time, waiting whenever the reader is behind; ends it. */
async function writeRecords(csv: Stringifier, pages: ExportPager, nowMs: number, limits: StallLimits): Promise<void> {
  csv.write([...TRADE_CSV_COLUMNS]);
  let after: ExportCursor | null = null;
  do {
    const page: TradeExportPage = await pages(after);
    if (csv.destroyed) return;
    let room = true;
    for (const row of page.rows) room = csv.write(exportRecordOf(row, nowMs, limits));
    // The stream holds about one page of records; the next page is read once the reader has taken it.
    if (!room) await drainedOrClosed(csv);
    after = page.next;
  } while (after !== null && !csv.destroyed);
  csv.end();
}

/** The export's bytes; `onError` hears a failure mid-stream (the response is already under way). */
export function tradeExportCsv(
  pages: ExportPager,
  options: { nowMs: number; limits: StallLimits; onError?: (error: Error) => void },
): ReadableStream<Uint8Array> {
  const csv = csvStream({ writableHighWaterMark: EXPORT_PAGE_ROWS, readableHighWaterMark: 256 * 1024 });
  writeRecords(csv, pages, options.nowMs, options.limits).catch((error: unknown) => {
    const failure = error instanceof Error ? error : new Error(String(error));
    if (!csv.destroyed) {
      options.onError?.(failure);
      csv.destroy(failure);
    }
  });
  const chunks = csv[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
