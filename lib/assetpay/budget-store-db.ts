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

async function update(db: Database, config: BucketConfig, change: (state: BucketState | null, nowMs: number) => { state: BucketState; waitMs: number }): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<Row>(
      `SELECT tokens, refilled_at_ms, paused_until_ms, extract(epoch from clock_timestamp()) * 1000 AS now_ms
       FROM assetpay_budget WHERE name = $1 FOR UPDATE`,
      [ROW],
    );
    const row = rows[0];
    let nowMs: number;
    let state: BucketState | null = null;
    if (row) {
      nowMs = Number(row.now_ms);
      state = { tokens: Number(row.tokens), refilledAtMs: Number(row.refilled_at_ms), pausedUntilMs: Number(row.paused_until_ms) };
    } else {
      const clock = await tx.query<{ now_ms: number | string }>("SELECT extract(epoch from clock_timestamp()) * 1000 AS now_ms");
      nowMs = Number(clock[0]?.now_ms ?? Date.now());
    }
    const next = change(state, nowMs);
    // Two first takes at once: the loser's insert does nothing and its take counts anyway (one token of slack, once).
    await tx.query(
      `INSERT INTO assetpay_budget (name, tokens, refilled_at_ms, paused_until_ms) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET tokens = excluded.tokens, refilled_at_ms = excluded.refilled_at_ms, paused_until_ms = excluded.paused_until_ms`,
      [ROW, next.state.tokens, next.state.refilledAtMs, next.state.pausedUntilMs],
    );
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
