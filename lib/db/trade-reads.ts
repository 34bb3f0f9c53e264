// Reads of what the recorder recorded: the page-load snapshot (in-flight trades, recent finished ones,
// their histories, recent funding), one trade's history, and the in-flight ids reconciliation re-reads.
// Histories are put in order and collapsed by lib/trades/status-history, the browser store's rule.
// The dashboard reaches the first two through ./recorded-reads; never write from here.
import "server-only";
import { collapseStatusHistory } from "@/lib/trades/status-history";
import { TRADE_STATUSES, type TradeStatus } from "@/lib/trades/types";
import { MISSING_IDS_CAP } from "@/lib/recorded/schema";
import type { RecordedFunding, RecordedSnapshot, RecordedStatusChange, RecordedTrade, RecordedTradeHistory } from "@/lib/recorded/types";
import type { Database, Queryable } from "./database";
import { isoFromDb } from "./sql-values";

/** The snapshot carries at most this many in-flight trades (they are never pruned while AssetPay knows them). */
export const SNAPSHOT_IN_FLIGHT_CAP = 50_000;
export const SNAPSHOT_TERMINAL_FUNDING = 1_000;
/**
 * Trades reverted this recently are in the snapshot whatever the terminal limit: the Exposure region
 * counts reversals over today and the six days before in the board's time zone, so 7 days plus a day
 * for a zone ahead of the server's. At most SNAPSHOT_REVERSALS_CAP of them, the most recent first.
 */
export const SNAPSHOT_REVERSALS_DAYS = 8;
export const SNAPSHOT_REVERSALS_CAP = 20_000;

/**
 * Ids of every recorded trade not yet terminal (incl. unknown statuses) and not found missing at
 * AssetPay: what reconciliation re-reads.
 */
export async function listInFlightTradeIds(db: Queryable, limit = SNAPSHOT_IN_FLIGHT_CAP): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    "SELECT id FROM trades WHERE NOT terminal AND missing_at IS NULL ORDER BY confirmed_at, id LIMIT $1",
    [limit],
  );
  return rows.map((row) => row.id);
}

/** Trades AssetPay no longer knows: how many, and the ids of the most recently found ones. */
export async function readMissingTrades(db: Queryable, limit = MISSING_IDS_CAP): Promise<{ count: number; ids: string[] }> {
  const [total] = await db.query<{ n: number | string }>("SELECT count(*) AS n FROM trades WHERE missing_at IS NOT NULL");
  const rows = await db.query<{ id: string }>(
    "SELECT id FROM trades WHERE missing_at IS NOT NULL ORDER BY missing_at DESC, id LIMIT $1",
    [limit],
  );
  return { count: Number(total?.n ?? 0), ids: rows.map((row) => row.id) };
}

interface HistoryRow {
  trade_id: string;
  status: string;
  raw_status: string;
  at: unknown;
  observed_at: unknown;
}

const KNOWN_STATUSES: ReadonlySet<string> = new Set(TRADE_STATUSES);

function toStatus(value: string): TradeStatus {
  return KNOWN_STATUSES.has(value) ? (value as TradeStatus) : "unknown";
}

function toChange(row: HistoryRow): RecordedStatusChange {
  return { status: toStatus(row.status), rawStatus: row.raw_status, at: isoFromDb(row.at), observedAt: isoFromDb(row.observed_at) };
}

export async function readTradeHistory(db: Queryable, tradeId: string): Promise<RecordedTradeHistory> {
  const rows = await db.query<HistoryRow>(
    "SELECT trade_id, status, raw_status, at, observed_at FROM trade_history WHERE trade_id = $1 ORDER BY at",
    [tradeId],
  );
  if (rows.length > 0) return { tradeId, known: true, history: collapseStatusHistory(rows.map(toChange)) };
  const known = await db.query("SELECT 1 FROM trades WHERE id = $1", [tradeId]);
  return { tradeId, known: known.length > 0, history: [] };
}

export interface SnapshotOptions {
  /** Most recent terminal trades to include (all in-flight ones are included up to the cap). */
  terminalTrades: number;
  inFlightCap?: number;
  terminalFunding?: number;
}

/**
 * What a freshly opened board starts from: in-flight trades, recent terminal ones, the trades reverted in
 * the last SNAPSHOT_REVERSALS_DAYS days, their histories, recent funding.
 */
export async function readSnapshot(db: Database, options: SnapshotOptions): Promise<RecordedSnapshot> {
  const inFlightCap = options.inFlightCap ?? SNAPSHOT_IN_FLIGHT_CAP;
  // The third part: recent reversals older than the most recent terminal trades (never twice).
  const picked = `
    (SELECT id, payload, updated_at, missing_at FROM trades WHERE NOT terminal ORDER BY updated_at DESC, id LIMIT $1)
    UNION ALL
    (SELECT id, payload, updated_at, missing_at FROM trades WHERE terminal ORDER BY updated_at DESC, id LIMIT $2)
    UNION ALL
    (SELECT id, payload, updated_at, missing_at FROM trades
      WHERE terminal AND status = 'reverted' AND updated_at >= now() - $3::int * interval '1 day'
        AND id NOT IN (SELECT id FROM trades WHERE terminal ORDER BY updated_at DESC, id LIMIT $2)
      ORDER BY updated_at DESC, id LIMIT $4)`;
  const pickedParams = [inFlightCap + 1, options.terminalTrades, SNAPSHOT_REVERSALS_DAYS, SNAPSHOT_REVERSALS_CAP];
  return db.transaction(async (tx) => {
    // One consistent view for the four reads, even while recorders keep writing.
    await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    const clock = await tx.query<{ now: unknown }>("SELECT now() AS now");
    const trades = await tx.query<{ id: string; payload: unknown; missing_at: unknown }>(`${picked} ORDER BY updated_at DESC, id`, pickedParams);
    const inFlightTotal = await tx.query<{ n: number | string }>("SELECT count(*) AS n FROM trades WHERE NOT terminal");
    const history = await tx.query<HistoryRow>(
      `SELECT h.trade_id, h.status, h.raw_status, h.at, h.observed_at
       FROM trade_history h JOIN (${picked}) p ON p.id = h.trade_id ORDER BY h.trade_id, h.at`,
      pickedParams,
    );
    const funding = await tx.query<{ kind: string; format: string; payload: unknown }>(
      `(SELECT kind, format, payload, stamp FROM funding WHERE NOT terminal ORDER BY stamp DESC LIMIT $1)
       UNION ALL
       (SELECT kind, format, payload, stamp FROM funding WHERE terminal ORDER BY stamp DESC LIMIT $2)
       ORDER BY stamp DESC`,
      [SNAPSHOT_TERMINAL_FUNDING * 5, options.terminalFunding ?? SNAPSHOT_TERMINAL_FUNDING],
    );

    const byTrade = new Map<string, RecordedStatusChange[]>();
    for (const row of history) {
      const list = byTrade.get(row.trade_id) ?? [];
      list.push(toChange(row));
      byTrade.set(row.trade_id, list);
    }
    const recorded: RecordedTrade[] = trades.map((row) => ({
      payload: row.payload,
      history: collapseStatusHistory(byTrade.get(row.id) ?? []),
      ...(row.missing_at === null || row.missing_at === undefined ? {} : { missing: true }),
    }));
    const inFlight = Number(inFlightTotal[0]?.n ?? 0);
    return {
      at: isoFromDb(clock[0]?.now ?? new Date()),
      trades: recorded,
      funding: funding.flatMap((row): RecordedFunding[] =>
        (row.kind === "deposit" || row.kind === "withdrawal") && (row.format === "event" || row.format === "ledger")
          ? [{ kind: row.kind, format: row.format, payload: row.payload }]
          : [],
      ),
      truncated: inFlight > inFlightCap,
    };
  });
}
