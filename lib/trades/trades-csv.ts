// The board's Export CSV: the trades of the current view as a CSV document with a header row, in the
// order shown. Cells go through lib/csv/csv-cell.ts, so a value a customer chose (an item name, an
// external id) that starts with = + - @ is never run as a formula. Times are AssetPay's ISO strings
// (UTC), whatever zone the page shows. The customer's Steam trade URL is never exported. No I/O.
import { csvRow } from "@/lib/csv/csv-cell";
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

/** `isStalled` answers for the trade ids of the view (the board's verdict at export time). */
export function tradesCsv(rows: Iterable<ExportableTrade>, isStalled: (id: string) => boolean): string {
  let csv = csvRow(TRADE_CSV_COLUMNS);
  for (const { trade, enteredStatusAt, missing } of rows) {
    csv += csvRow([
      trade.id,
      trade.externalId,
      trade.type,
      trade.game,
      trade.status,
      trade.rawStatus,
      isStalled(trade.id) ? "yes" : "no",
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
    ]);
  }
  return csv;
}
