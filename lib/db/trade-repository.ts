// Everything the recorder writes and the app reads about trades and funding, as plain parameterized SQL
// that runs on PGlite and PostgreSQL alike. Writes are idempotent and newer-only, so replays, REST
// reconciliation racing the socket, and two recorders on one PostgreSQL all converge on the newest
// version: a trade row changes only when the incoming updatedAt is later (or equal with a later
// lifecycle step, the same tie rule as the browser store); history rows are keyed by (trade, status, at).
// Never let a single malformed version abort a batch, and never store what lib/wire rejected.
import "server-only";
import { fundingStampMs } from "@/lib/trades/funding-stamp";
import { STATUS_RANK } from "@/lib/trades/status-rank";
import { collapseStatusHistory } from "@/lib/trades/status-history";
import { isTerminalFundingStatus, isTerminalStatus } from "@/lib/trades/status-classes";
import { TRADE_STATUSES, type Funding, type Trade, type TradeStatus } from "@/lib/trades/types";
import type { FundingFormat, RecordedFunding, RecordedSnapshot, RecordedStatusChange, RecordedTrade, RecordedTradeHistory } from "@/lib/recorded/types";
import { type Database, type Queryable, isRetryableDbError } from "./database";

/** A stored payload bigger than this is refused (lib/wire caps items at 2,000; real trades are tiny). */
export const MAX_PAYLOAD_CHARS = 1_000_000;
/** The snapshot carries at most this many in-flight trades (they are never pruned while AssetPay knows them). */
export const SNAPSHOT_IN_FLIGHT_CAP = 50_000;
export const SNAPSHOT_TERMINAL_FUNDING = 1_000;
const WRITE_ATTEMPTS = 3;

export interface TradeVersion {
  trade: Trade;
  /** The AssetPay Trade object that lib/wire parsed into `trade`. */
  payload: unknown;
}

export interface FundingVersion {
  funding: Funding;
  format: FundingFormat;
  payload: unknown;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
  /** Same or older than what is recorded (duplicates, replays, a second recorder's copy). */
  unchanged: number;
  historyAdded: number;
  /** Versions refused before reaching the database, with why. */
  refused: string[];
}

function emptyCounts(): WriteCounts {
  return { inserted: 0, updated: 0, unchanged: 0, historyAdded: 0, refused: [] };
}

function addCounts(into: WriteCounts, from: WriteCounts): void {
  into.inserted += from.inserted;
  into.updated += from.updated;
  into.unchanged += from.unchanged;
  into.historyAdded += from.historyAdded;
  into.refused.push(...from.refused);
}

/** ISO in a range Postgres' timestamptz accepts, or null. */
function pgTime(iso: string | undefined): string | null {
  if (iso === undefined) return null;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1970 && year <= 9999 ? new Date(ms).toISOString() : null;
}

function msTime(ms: number): string | null {
  return Number.isFinite(ms) ? pgTime(new Date(ms).toISOString()) : null;
}

// jsonb refuses the NUL character; drop `\u0000` escapes (but not an escaped backslash before "u0000").
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

function payloadJson(payload: unknown): string | null {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch {
    return null;
  }
  if (json === undefined || json.length > MAX_PAYLOAD_CHARS) return null;
  return json.replace(NUL_ESCAPE, "$1");
}

/** Times the driver returns (Date) or we stored (string) as ISO. */
function iso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const ms = Date.parse(String(value));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(value);
}

async function withRetry<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !isRetryableDbError(error)) throw error;
    }
  }
}

// ---- trades ----------------------------------------------------------------------------------------

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
    confirmed_at = GREATEST(t.confirmed_at, excluded.confirmed_at)
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
    const first = upserted[0];
    if (!first) counts.unchanged += 1;
    else if (first.inserted) counts.inserted += 1;
    else counts.updated += 1;
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
    addCounts(counts, await withRetry(db, (tx) => writeTrades(tx, prepared, observedAt)));
  } catch (error) {
    if (prepared.length === 1) throw error;
    for (const one of prepared) {
      try {
        addCounts(counts, await withRetry(db, (tx) => writeTrades(tx, [one], observedAt)));
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
  await withRetry(db, (tx) =>
    tx.query("UPDATE trades SET confirmed_at = GREATEST(confirmed_at, $1::timestamptz) WHERE id = ANY($2::text[])", [at, sorted]),
  );
}

/** Ids of every recorded trade not yet terminal (incl. unknown statuses): what reconciliation re-reads. */
export async function listInFlightTradeIds(db: Queryable, limit = SNAPSHOT_IN_FLIGHT_CAP): Promise<string[]> {
  const rows = await db.query<{ id: string }>("SELECT id FROM trades WHERE NOT terminal ORDER BY confirmed_at, id LIMIT $1", [limit]);
  return rows.map((row) => row.id);
}

// ---- funding ---------------------------------------------------------------------------------------

const UPSERT_FUNDING = `
  INSERT INTO funding AS f (kind, id, status, terminal, stamp, format, payload, recorded_at)
  VALUES ($1, $2, $3, $4, $5::timestamptz, $6, $7::jsonb, $8::timestamptz)
  ON CONFLICT (kind, id) DO UPDATE SET
    status = excluded.status, terminal = excluded.terminal, stamp = excluded.stamp, format = excluded.format,
    payload = excluded.payload, recorded_at = excluded.recorded_at
  WHERE f.stamp < excluded.stamp OR (f.stamp = excluded.stamp AND NOT f.terminal AND excluded.terminal)
  RETURNING (xmax = 0) AS inserted`;

/** Merchant funding (socket events or ledger rows); newer-only by the latest of its timestamps. */
export async function recordFunding(db: Database, versions: readonly FundingVersion[], observedAtMs: number): Promise<WriteCounts> {
  const counts = emptyCounts();
  const observedAt = msTime(observedAtMs) ?? new Date().toISOString();
  const rows: { key: string; params: (string | boolean)[] }[] = [];
  for (const { funding, format, payload } of versions) {
    const stamp = msTime(fundingStampMs(funding));
    const json = payloadJson(payload);
    if (stamp === null || json === null) {
      counts.refused.push(`${funding.kind} ${funding.id.slice(0, 64)}: ${stamp === null ? "no usable timestamp" : "payload not storable"}`);
      continue;
    }
    const params = [funding.kind, funding.id, funding.status, isTerminalFundingStatus(funding.status), stamp, format, json, observedAt];
    rows.push({ key: `${funding.kind}\u0000${funding.id}\u0000${stamp}`, params });
  }
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (rows.length === 0) return counts;
  addCounts(
    counts,
    await withRetry(db, async (tx) => {
      const batch = emptyCounts();
      for (const row of rows) {
        const first = (await tx.query<{ inserted: boolean }>(UPSERT_FUNDING, row.params))[0];
        if (!first) batch.unchanged += 1;
        else if (first.inserted) batch.inserted += 1;
        else batch.updated += 1;
      }
      return batch;
    }),
  );
  return counts;
}

// ---- reads -----------------------------------------------------------------------------------------

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
  return { status: toStatus(row.status), rawStatus: row.raw_status, at: iso(row.at), observedAt: iso(row.observed_at) };
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

/** What a freshly opened board starts from: in-flight trades, recent terminal ones, their histories, recent funding. */
export async function readSnapshot(db: Database, options: SnapshotOptions): Promise<RecordedSnapshot> {
  const inFlightCap = options.inFlightCap ?? SNAPSHOT_IN_FLIGHT_CAP;
  const picked = `
    (SELECT id, payload, updated_at FROM trades WHERE NOT terminal ORDER BY updated_at DESC, id LIMIT $1)
    UNION ALL
    (SELECT id, payload, updated_at FROM trades WHERE terminal ORDER BY updated_at DESC, id LIMIT $2)`;
  return db.transaction(async (tx) => {
    // One consistent view for the four reads, even while recorders keep writing.
    await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    const clock = await tx.query<{ now: unknown }>("SELECT now() AS now");
    const trades = await tx.query<{ id: string; payload: unknown }>(`${picked} ORDER BY updated_at DESC, id`, [inFlightCap + 1, options.terminalTrades]);
    const inFlightTotal = await tx.query<{ n: number | string }>("SELECT count(*) AS n FROM trades WHERE NOT terminal");
    const history = await tx.query<HistoryRow>(
      `SELECT h.trade_id, h.status, h.raw_status, h.at, h.observed_at
       FROM trade_history h JOIN (${picked}) p ON p.id = h.trade_id ORDER BY h.trade_id, h.at`,
      [inFlightCap + 1, options.terminalTrades],
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
    const recorded: RecordedTrade[] = trades.map((row) => ({ payload: row.payload, history: collapseStatusHistory(byTrade.get(row.id) ?? []) }));
    const inFlight = Number(inFlightTotal[0]?.n ?? 0);
    return {
      at: iso(clock[0]?.now ?? new Date()),
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

// ---- retention -------------------------------------------------------------------------------------

export interface PruneResult {
  trades: number;
  funding: number;
}

const PRUNE_BATCH = 5_000;

async function deleteInBatches(db: Database, sql: string, params: readonly (string | number)[]): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await withRetry(db, (tx) => tx.query(sql, [...params, PRUNE_BATCH]));
    total += deleted.length;
    if (deleted.length < PRUNE_BATCH) return total;
  }
}

/**
 * Keeps the database bounded: deletes terminal trades (with their history) and terminal funding last
 * changed before `beforeMs`, plus in-flight trades AssetPay has not confirmed since then (it no longer
 * returns them, so they can never finish). Small batches, so a long prune never holds long locks.
 */
export async function pruneRecorded(db: Database, beforeMs: number): Promise<PruneResult> {
  const before = msTime(beforeMs);
  if (before === null) return { trades: 0, funding: 0 };
  const terminal = await deleteInBatches(
    db,
    `DELETE FROM trades WHERE id IN (
       SELECT id FROM trades WHERE terminal AND updated_at < $1::timestamptz ORDER BY updated_at LIMIT $2
     ) RETURNING 1`,
    [before],
  );
  const lost = await deleteInBatches(
    db,
    `DELETE FROM trades WHERE id IN (
       SELECT id FROM trades WHERE NOT terminal AND confirmed_at < $1::timestamptz ORDER BY confirmed_at LIMIT $2
     ) RETURNING 1`,
    [before],
  );
  const funding = await deleteInBatches(
    db,
    `DELETE FROM funding WHERE (kind, id) IN (
       SELECT kind, id FROM funding WHERE terminal AND stamp < $1::timestamptz ORDER BY stamp LIMIT $2
     ) RETURNING 1`,
    [before],
  );
  return { trades: terminal + lost, funding };
}
