// The trends bench's worker (run by ./trends.ts under the react-server condition, as the recorder
// runs, since lib/db is server-only): N recorded trades with their history spread over the last 7
// days, made in SQL with generate_series, then each range's trend query timed on PGlite (a directory
// in /tmp) and on a throwaway PostgreSQL cluster, plus 7 days of minute buckets and the plan
// PostgreSQL chose. Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "@/lib/db/database";
import { migrate } from "@/lib/db/migrations";
import { openPglite } from "@/lib/db/pglite";
import { openPostgres } from "@/lib/db/postgres";
import { postgresAvailability, startThrowawayPostgres } from "@/lib/db/testing/postgres-cluster";
import { readTrends, readTrendsAnswer, trendsStatement } from "@/lib/db/trend-reads";
import { DEFAULT_STALL_LIMITS } from "@/lib/trades/stall-rules";
import { sumOf, TREND_RANGES, trendWindow } from "@/lib/trades/trends";

const DAY_MS = 86_400_000;
const CHUNK = 50_000;
const RUNS = 2;

// Trade i: starts at a pseudo-random moment of the 7 days, initiated → active after 1-3 min → after
// 1-17 min: completed (14 in 20), failed (2; with an error code), hold then reverted an hour later
// (1), hold still (1), still active, so stalled (1), canceled (1).
const KIND = "i % 20";
const START = "to_timestamp(($3::bigint + (i::bigint * 2654435761) % 604800000) / 1000.0)";
const FINAL = `CASE WHEN ${KIND} < 14 THEN 'completed' WHEN ${KIND} < 16 THEN 'failed' WHEN ${KIND} < 18 THEN 'hold' WHEN ${KIND} = 19 THEN 'canceled' END`;
const CURRENT = `CASE WHEN ${KIND} = 16 THEN 'reverted' WHEN ${KIND} = 18 THEN 'active' ELSE ${FINAL} END`;

const SEED_TRADES = `
INSERT INTO trades (id, status, raw_status, status_rank, terminal, game, type, updated_at, payload, first_seen_at, recorded_at, confirmed_at)
SELECT 'bench-' || i, ${CURRENT}, ${CURRENT}, 0, ${KIND} NOT IN (17, 18),
       CASE WHEN i % 3 = 0 THEN 'rust' ELSE 'cs2' END, CASE WHEN i % 4 = 0 THEN 'withdraw' ELSE 'deposit' END,
       ${START}, CASE WHEN ${KIND} IN (14, 15) THEN jsonb_build_object('error', (ARRAY['PRICE_CHANGED','USER_ESCROW','OFFER_NOT_ACCEPTED'])[1 + i % 3]) ELSE '{}'::jsonb END,
       now(), now(), now()
FROM generate_series($1::int, $2::int) AS i`;

const SEED_HISTORY = `
INSERT INTO trade_history (trade_id, status, raw_status, at, observed_at)
SELECT 'bench-' || i, step.status, step.status, step.at, step.at
FROM generate_series($1::int, $2::int) AS i
CROSS JOIN LATERAL (SELECT ${START} AS t0, (1 + i % 3) * interval '1 minute' AS wait, (1 + i % 17) * interval '1 minute' AS took) b
CROSS JOIN LATERAL (VALUES
  ('initiated', b.t0),
  ('active', b.t0 + b.wait),
  (${FINAL}, b.t0 + b.wait + b.took),
  (CASE WHEN ${KIND} = 16 THEN 'reverted' END, b.t0 + b.wait + b.took + interval '1 hour')
) AS step(status, at)
WHERE step.status IS NOT NULL`;

type Log = (line: string) => void;

async function seed(db: Database, trades: number, nowMs: number, log: Log): Promise<void> {
  const started = performance.now();
  for (let first = 1; first <= trades; first += CHUNK) {
    const last = Math.min(trades, first + CHUNK - 1);
    const params = [first, last, nowMs - 7 * DAY_MS];
    await db.transaction(async (tx) => {
      await tx.query(SEED_TRADES, params);
      await tx.query(SEED_HISTORY, params);
    });
  }
  await db.query("ANALYZE trades");
  await db.query("ANALYZE trade_history");
  const [rows] = await db.query<{ n: string | number }>("SELECT count(*) AS n FROM trade_history");
  log(`  seeded ${trades.toLocaleString("en-US")} trades, ${Number(rows?.n ?? 0).toLocaleString("en-US")} status changes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number[] }> {
  const ms: number[] = [];
  let value: T | undefined;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    value = await work();
    ms.push(performance.now() - started);
  }
  return { value: value as T, ms };
}

const figures = (ms: readonly number[]) => ms.map((m) => `${(m / 1000).toFixed(2)} s`).join(", ");

async function measure(kind: string, db: Database, trades: number, log: Log): Promise<void> {
  log(`${kind}:`);
  await migrate(db);
  const nowMs = Date.now();
  await seed(db, trades, nowMs, log);
  for (const range of TREND_RANGES) {
    const { value, ms } = await timed(() => readTrendsAnswer(db, range, nowMs, DEFAULT_STALL_LIMITS));
    const total = (measure: "started" | "completed" | "stalled") => sumOf(value.games.flatMap((game) => game[measure]));
    log(`  ${range.padEnd(3)} (${value.buckets} buckets): ${figures(ms)}; started ${total("started")}, completed ${total("completed")}, stalled ${total("stalled")}`);
  }
  const minutes = { window: trendWindow(7 * DAY_MS, 60_000, nowMs), toMs: nowMs, limits: DEFAULT_STALL_LIMITS };
  const { value, ms } = await timed(() => readTrends(db, minutes));
  log(`  7d in minute buckets (${minutes.window.count} buckets): ${figures(ms)}; started ${sumOf(value.flatMap((game) => game.started))}`);
  if (db.kind === "postgres") {
    const { sql, params } = trendsStatement(minutes);
    const plan = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`, params);
    const lines = plan.map((row) => row["QUERY PLAN"]).filter((line) => /Scan|Sort|WindowAgg|Join/.test(line));
    log("  plan (scans, sorts, joins):");
    for (const line of lines) log(`    ${line.trim()}`);
  }
}

async function main(): Promise<void> {
  const trades = Number(process.argv[2] ?? 1_000_000);
  const log: Log = (line) => console.log(line);
  const dir = mkdtempSync(path.join(os.tmpdir(), "trends-bench-"));
  try {
    const pglite = await openPglite(dir);
    try {
      await measure("PGlite", pglite, trades, log);
    } finally {
      await pglite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const availability = postgresAvailability();
  if (!availability.ok) {
    log(`PostgreSQL: skipped (${availability.reason})`);
    return;
  }
  const cluster = await startThrowawayPostgres();
  try {
    const db = openPostgres(await cluster.createDatabase());
    try {
      await measure("PostgreSQL", db, trades, log);
    } finally {
      await db.close();
    }
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
