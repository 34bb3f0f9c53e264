// The three reads the dashboard makes of the recorded data — page-load snapshot, one trade's history,
// recorder health — over a Database. The app calls these directly on PostgreSQL; with PGlite the
// recorder calls them for the app behind its internal API (recorder/internal-api.ts).
import "server-only";
import type { RecordedSnapshot, RecordedTradeHistory, RecorderHealthReport } from "@/lib/recorded/types";
import type { Database } from "./database";
import { readHealth } from "./health-repository";
import { readMissingTrades, readSnapshot, readTradeHistory } from "./trade-reads";

/** A recorder whose heartbeat is older than this is reported as not alive. */
export const HEARTBEAT_STALE_MS = 30_000;

export function snapshotOf(db: Database, terminalTrades: number): Promise<RecordedSnapshot> {
  return readSnapshot(db, { terminalTrades });
}

export function historyOf(db: Database, tradeId: string): Promise<RecordedTradeHistory> {
  return readTradeHistory(db, tradeId);
}

export async function healthReportOf(db: Database): Promise<RecorderHealthReport> {
  const { at, rows } = await readHealth(db);
  const missingTrades = await readMissingTrades(db);
  const now = Date.parse(at);
  return {
    missingTrades,
    database: db.kind,
    at,
    recorders: rows.map((row) => ({
      ...row,
      alive: now - Date.parse(row.heartbeatAt) < HEARTBEAT_STALE_MS,
      sinceLastEventMs: row.state.lastEventAt === null ? null : Math.max(0, now - Date.parse(row.state.lastEventAt)),
    })),
  };
}
