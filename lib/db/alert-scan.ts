// What the alert worker (recorder/alert-worker.ts) reads each pass: trades and funding recorded since
// its watermark, plus every in-flight one (stalls come from time passing, not from changes), and the
// watermark itself, kept in the store so a restarted recorder evaluates what changed while it was down.
import "server-only";
import type { Queryable } from "./database";
import { isoFromDb } from "./sql-values";

export interface ScannedTrade {
  id: string;
  payload: unknown;
  missing: boolean;
  /** When the trade entered its current status, from the recorded history; null when unknown. */
  enteredStatusAt: string | null;
}

export interface ScannedFunding {
  kind: string;
  format: string;
  payload: unknown;
}

/** The database's clock, so every recorder on one database judges time the same way. */
export async function databaseNow(db: Queryable): Promise<number> {
  const [row] = await db.query<{ now: unknown }>("SELECT now() AS now");
  return Date.parse(isoFromDb(row?.now ?? new Date()));
}

export async function readScanWatermark(db: Queryable): Promise<number | null> {
  const [row] = await db.query<{ scanned_to: unknown }>("SELECT scanned_to FROM alert_scan");
  return row ? Date.parse(isoFromDb(row.scanned_to)) : null;
}

export async function advanceScanWatermark(db: Queryable, toMs: number): Promise<void> {
  await db.query(
    `INSERT INTO alert_scan AS s (only_row, scanned_to) VALUES (true, $1::timestamptz)
     ON CONFLICT (only_row) DO UPDATE SET scanned_to = GREATEST(s.scanned_to, excluded.scanned_to)`,
    [new Date(toMs).toISOString()],
  );
}

export async function scanTrades(db: Queryable, sinceMs: number): Promise<ScannedTrade[]> {
  const rows = await db.query<{ id: string; payload: unknown; missing: boolean; entered_at: unknown }>(
    `SELECT t.id, t.payload, t.missing_at IS NOT NULL AS missing,
       (SELECT min(h.at) FROM trade_history h
         WHERE h.trade_id = t.id AND h.status = t.status
           AND h.at > COALESCE((SELECT max(p.at) FROM trade_history p WHERE p.trade_id = t.id AND p.status <> t.status), '-infinity'::timestamptz)
       ) AS entered_at
     FROM trades t
     WHERE (NOT t.terminal AND t.missing_at IS NULL) OR t.recorded_at > $1::timestamptz OR t.missing_at > $1::timestamptz`,
    [new Date(sinceMs).toISOString()],
  );
  return rows.map((row) => ({
    id: row.id,
    payload: row.payload,
    missing: row.missing,
    enteredStatusAt: row.entered_at === null || row.entered_at === undefined ? null : isoFromDb(row.entered_at),
  }));
}

export async function scanFunding(db: Queryable, sinceMs: number): Promise<ScannedFunding[]> {
  return db.query<ScannedFunding>("SELECT kind, format, payload FROM funding WHERE NOT terminal OR recorded_at > $1::timestamptz", [
    new Date(sinceMs).toISOString(),
  ]);
}
