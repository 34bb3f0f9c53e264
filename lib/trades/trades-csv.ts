// The trades as CSV, for both exports: the board's Export CSV (the current view, in the order shown,
// built in the browser) and the recorded history of a date range (streamed by GET /api/trades/export).
// One column list and one record per trade, written by the one CSV writer (lib/csv/csv-cell.ts), so a
// value a customer chose (an item name, an external id) that starts with = + - @ is never run as a
// formula. Times are AssetPay's ISO strings (UTC), whatever zone the page shows. The customer's Steam
// trade URL is never exported. No I/O.
import { type CsvValue, csvDocument } from "@/lib/csv/csv-cell";
import type { Trade } from "./types";

/** What the export reads of one trade as the board holds it (the store's StoredTrade fits). */
export interface ExportableTrade {
  trade: Trade;
  enteredStatusAt: string;
  missing?: boolean;
}

export const TRADE_CSV_COLUMNS = [
  "id",
  "externalId",
  "type",
  "game",
  "status",
  "rawStatus",
  "stalled",
  "notFoundAtAssetPay",
  "totalPriceUsd",
  "clientSteamId",
  "externalClientUserId",
  "offerId",
  "itemCount",
  "items",
  "error",
  "createdAt",
  "updatedAt",
  "inStatusSince",
] as const;

/** One trade's CSV record, in TRADE_CSV_COLUMNS order; `stalled` is the caller's verdict at export time. */
export function tradeCsvRecord({ trade, enteredStatusAt, missing }: ExportableTrade, stalled: boolean): CsvValue[] {
  return [
    trade.id,
    trade.externalId,
    trade.type,
    trade.game,
    trade.status,
    trade.rawStatus,
    stalled ? "yes" : "no",
    missing === true ? "yes" : "no",
    Number.isFinite(trade.totalPrice) ? trade.totalPrice.toFixed(2) : "",
    trade.clientSteamId,
    trade.externalClientUserId,
    trade.offerId,
    trade.items.length,
    trade.items.map((item) => item.name).join("; "),
    trade.error,
    trade.createdAt,
    trade.updatedAt,
    enteredStatusAt,
  ];
}

/** `isStalled` answers for the trade ids of the view (the board's verdict at export time). */
export function tradesCsv(rows: Iterable<ExportableTrade>, isStalled: (id: string) => boolean): string {
  const records: CsvValue[][] = [[...TRADE_CSV_COLUMNS]];
  for (const row of rows) records.push(tradeCsvRecord(row, isStalled(row.trade.id)));
  return csvDocument(records);
}
