// Recording trade versions (socket events and REST rows) as plain parameterized SQL that runs on PGlite
// and PostgreSQL alike. Writes are idempotent and newer-only, so replays, REST reconciliation racing the
// socket, and two recorders on one PostgreSQL all converge on the newest version: a trade row changes
// only when the incoming updatedAt is later (or equal with a later lifecycle step, the browser store's
// tie rule from lib/trades/status-rank); history rows are keyed by (trade, status, at).
// Never let a single malformed version abort a batch, and never store what lib/wire rejected.
import "server-only";
import { isTerminalStatus } from "@/lib/trades/status-classes";
import { STATUS_RANK } from "@/lib/trades/status-rank";
import type { Trade, TradeStatus } from "@/lib/trades/types";
import { type Database, type Queryable, transactionWithRetry } from "./database";
import { MAX_PAYLOAD_CHARS, msTime, payloadJson, pgTime } from "./sql-values";
import { type WriteCounts, addCounts, countUpsert, emptyCounts } from "./write-counts";

export interface TradeVersion {
  trade: Trade;
  /** The AssetPay Trade object that lib/wire parsed into `trade`. */
  payload: unknown;
}

interface PreparedTrade {
  id: string;
  status: TradeStatus;
  rawStatus: string;
  updatedAt: string;
  row: (string | number | boolean)[];
}

function prepareTrade(version: TradeVersion, observedAt: string): PreparedTrade | string {
  const { trade } = version;
  const updatedAt = pgTime(trade.updatedAt);
  if (updatedAt === null) return `trade ${trade.id.slice(0, 64)}: updatedAt out of range`;
  const json = payloadJson(version.payload);
  if (json === null) return `trade ${trade.id.slice(0, 64)}: payload not storable (over ${MAX_PAYLOAD_CHARS} characters)`;
  return {
    id: trade.id,
    status: trade.status,
    rawStatus: trade.rawStatus,
    updatedAt,
    row: [
      trade.id,
      trade.status,
      trade.rawStatus,
      STATUS_RANK[trade.status],
      isTerminalStatus(trade.status),
      trade.game,
      trade.type,
      updatedAt,
      json,
      observedAt,
    ],
  };
}

const UPSERT_TRADE = `
  INSERT INTO trades AS t (id, status, raw_status, status_rank, terminal, game, type, updated_at, payload,
                           first_seen_at, recorded_at, confirmed_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9::jsonb, $10::timestamptz, $10::timestamptz, $10::timestamptz)
  ON CONFLICT (id) DO UPDATE SET
    status = excluded.status, raw_status = excluded.raw_status, status_rank = excluded.status_rank,
    terminal = excluded.terminal, game = excluded.game, type = excluded.type, updated_at = excluded.updated_at,
    payload = excluded.payload, recorded_at = excluded.recorded_at,
    confirmed_at = GREATEST(t.confirmed_at, excluded.confirmed_at), missing_at = NULL
  WHERE t.updated_at < excluded.updated_at
     OR (t.updated_at = excluded.updated_at AND t.status_rank < excluded.status_rank)
  RETURNING (xmax = 0) AS inserted`;

// A status is appended unless the change just before it (by AssetPay time) already has that status.
// Out-of-order arrivals can still leave two consecutive equal statuses; readers collapse those
// (lib/trades/status-history).
const APPEND_HISTORY = `
  INSERT INTO trade_history (trade_id, status, raw_status, at, observed_at)
  SELECT $1, $2, $3, $4::timestamptz, $5::timestamptz
  WHERE NOT EXISTS (
    SELECT 1 FROM (
      SELECT h.status FROM trade_history h
      WHERE h.trade_id = $1 AND h.at <= $4::timestamptz
      ORDER BY h.at DESC
      LIMIT 1
    ) previous
    WHERE previous.status = $2
  )
  ON CONFLICT DO NOTHING
  RETURNING 1 AS added`;

async function writeTrades(tx: Queryable, prepared: readonly PreparedTrade[], observedAt: string): Promise<WriteCounts> {
  const counts = emptyCounts();
  for (const version of prepared) {
    const upserted = await tx.query<{ inserted: boolean }>(UPSERT_TRADE, version.row);
    countUpsert(counts, upserted[0]);
    const added = await tx.query(APPEND_HISTORY, [version.id, version.status, version.rawStatus, version.updatedAt, observedAt]);
    counts.historyAdded += added.length;
  }
  return counts;
}

/**
 * Records trade versions (socket events or REST rows). One transaction per call; rows are written in
 * id order so two recorders writing overlapping batches lock rows in the same order (no deadlocks).
 * If the batch fails for a reason other than contention, each version is retried alone so one bad row
 * cannot lose the others.
 */
export async function recordTrades(db: Database, versions: readonly TradeVersion[], observedAtMs: number): Promise<WriteCounts> {
  const counts = emptyCounts();
  const observedAt = msTime(observedAtMs) ?? new Date().toISOString();
  const prepared: PreparedTrade[] = [];
  for (const version of versions) {
    const result = prepareTrade(version, observedAt);
    if (typeof result === "string") counts.refused.push(result);
    else prepared.push(result);
  }
  prepared.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0));
  if (prepared.length === 0) return counts;
  try {
    addCounts(counts, await transactionWithRetry(db, (tx) => writeTrades(tx, prepared, observedAt)));
  } catch (error) {
    if (prepared.length === 1) throw error;
    for (const one of prepared) {
      try {
        addCounts(counts, await transactionWithRetry(db, (tx) => writeTrades(tx, [one], observedAt)));
      } catch (single) {
        counts.refused.push(`trade ${one.id.slice(0, 64)}: ${single instanceof Error ? single.message.slice(0, 200) : "write failed"}`);
      }
    }
  }
  return counts;
}

/** AssetPay confirmed these trades still exist (a reconcile answer), whether or not they changed. */
export async function confirmTrades(db: Database, ids: readonly string[], atMs: number): Promise<void> {
  const at = msTime(atMs);
  if (ids.length === 0 || at === null) return;
  const sorted = [...new Set(ids)].sort();
  await transactionWithRetry(db, (tx) =>
    tx.query("UPDATE trades SET confirmed_at = GREATEST(confirmed_at, $1::timestamptz) WHERE id = ANY($2::text[])", [at, sorted]),
  );
}

/**
 * AssetPay answered TRADE_NOT_FOUND for these trades (a single-ref lookup, recorder/missing-trades.ts):
 * kept for the record, never again in flight. Finished trades are left alone. Returns how many it marked.
 */
export async function markTradesMissing(db: Database, ids: readonly string[], atMs: number): Promise<number> {
  const at = msTime(atMs);
  if (ids.length === 0 || at === null) return 0;
  const sorted = [...new Set(ids)].sort();
  const marked = await transactionWithRetry(db, (tx) =>
    tx.query("UPDATE trades SET missing_at = $1::timestamptz WHERE id = ANY($2::text[]) AND NOT terminal AND missing_at IS NULL RETURNING 1", [at, sorted]),
  );
  return marked.length;
}
