// Retention: keeps the recorded data bounded. Deletes only what can no longer change or matter (finished
// trades and funding past the retention, trades AssetPay stopped confirming), in small batches so a long
// prune never holds long locks. recorder/pruner.ts decides when.
import "server-only";
import { type Database, transactionWithRetry } from "./database";
import { msTime } from "./sql-values";

export interface PruneResult {
  trades: number;
  funding: number;
}

const PRUNE_BATCH = 5_000;

/** Runs a `DELETE … LIMIT $last … RETURNING 1` until it deletes fewer than a batch; how many it deleted. */
export async function deleteInBatches(db: Database, sql: string, params: readonly (string | number)[]): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await transactionWithRetry(db, (tx) => tx.query(sql, [...params, PRUNE_BATCH]));
    total += deleted.length;
    if (deleted.length < PRUNE_BATCH) return total;
  }
}

/**
 * Deletes terminal trades (with their history) and terminal funding last changed before `beforeMs`,
 * plus in-flight trades AssetPay has not confirmed since then (it no longer returns them, so they can
 * never finish).
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
