// The AssetPay budget kept in the database, so every process on it shares one bucket: on PostgreSQL
// all instances (recorders and dashboards) of one merchant, on PGlite the recorder and — through its
// loopback API — its dashboard. Each take is one short transaction holding the bucket's row lock, with
// the database's clock, so instances with drifting clocks still agree.
import "server-only";
import type { Database } from "@/lib/db/database";
import { type BucketConfig, type BucketState, type BudgetStore, pauseBucket, takeToken } from "./rate-budget";

const ROW = "assetpay-rest";

interface Row {
  tokens: number | string;
  refilled_at_ms: number | string;
  paused_until_ms: number | string;
  now_ms: number | string;
}

async function update(db: Database, config: BucketConfig, change: (state: BucketState, nowMs: number) => { state: BucketState; waitMs: number }): Promise<number> {
  return db.transaction(async (tx) => {
    // The row must exist before it is locked: with none, concurrent first takes would each see an
    // empty table, lock nothing, and all spend the same full bucket.
    await tx.query(
      `INSERT INTO assetpay_budget (name, tokens, refilled_at_ms, paused_until_ms)
       VALUES ($1, $2, extract(epoch from clock_timestamp()) * 1000, 0) ON CONFLICT (name) DO NOTHING`,
      [ROW, config.burst],
    );
    const rows = await tx.query<Row>(
      `SELECT tokens, refilled_at_ms, paused_until_ms, extract(epoch from clock_timestamp()) * 1000 AS now_ms
       FROM assetpay_budget WHERE name = $1 FOR UPDATE`,
      [ROW],
    );
    const row = rows[0];
    if (!row) throw new Error("the AssetPay budget row is missing right after it was created");
    const nowMs = Number(row.now_ms);
    const next = change({ tokens: Number(row.tokens), refilledAtMs: Number(row.refilled_at_ms), pausedUntilMs: Number(row.paused_until_ms) }, nowMs);
    await tx.query("UPDATE assetpay_budget SET tokens = $2, refilled_at_ms = $3, paused_until_ms = $4 WHERE name = $1", [
      ROW,
      next.state.tokens,
      next.state.refilledAtMs,
      next.state.pausedUntilMs,
    ]);
    return next.waitMs;
  });
}

export function databaseBudgetStore(db: Database, config: BucketConfig): BudgetStore {
  return {
    take: () => update(db, config, (state, nowMs) => takeToken(state, nowMs, config)),
    pause: async (ms) => {
      await update(db, config, (state, nowMs) => ({ state: pauseBucket(state, nowMs + ms, nowMs, config), waitMs: 0 }));
    },
  };
}
