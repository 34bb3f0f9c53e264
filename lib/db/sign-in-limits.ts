// Failed sign-ins and lockouts in the database, so every dashboard instance on one PostgreSQL counts
// the same attempts (a guesser spread over instances behind a load balancer gets no extra tries).
// The same rules as the in-process SignInLimiter (lib/auth/sign-in-limiter.ts) with a fixed window:
// `maxFailures` inside `windowMs` lock the key for `lockMs`, doubling with each further failure up to
// `maxLockMs`. Times are the database's clock, so instances need not agree on theirs.
import "server-only";
import type { Queryable } from "./database";

export interface LimitRules {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  maxLockMs: number;
}

/** Seconds the key stays locked (rounded up), or 0 when it may try. */
export async function lockedForSeconds(db: Queryable, key: string): Promise<number> {
  const rows = await db.query<{ ms: number | string }>(
    "SELECT EXTRACT(EPOCH FROM (locked_until - now())) * 1000 AS ms FROM sign_in_limits WHERE key = $1 AND locked_until > now()",
    [key],
  );
  const ms = Number(rows[0]?.ms ?? 0);
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** Counts one failure for `key` (starting a new window when the last one ended) and locks it past the limit. */
export async function recordFailure(db: Queryable, key: string, rules: LimitRules): Promise<void> {
  const fresh = "s.window_started_at <= now() - $2::double precision * interval '1 millisecond'";
  const failures = `CASE WHEN ${fresh} THEN 1 ELSE s.failures + 1 END`;
  await db.query(
    `INSERT INTO sign_in_limits AS s (key, failures, window_started_at, locked_until)
     VALUES ($1, 1, now(), CASE WHEN $3::integer <= 1 THEN now() + $4::double precision * interval '1 millisecond' END)
     ON CONFLICT (key) DO UPDATE SET
       failures = ${failures},
       window_started_at = CASE WHEN ${fresh} THEN now() ELSE s.window_started_at END,
       locked_until = CASE WHEN ${failures} >= $3::integer
         THEN now() + LEAST($4::double precision * power(2, LEAST(${failures} - $3::integer, 20)), $5::double precision) * interval '1 millisecond'
         ELSE s.locked_until END`,
    [key, rules.windowMs, rules.maxFailures, rules.lockMs, rules.maxLockMs],
  );
}

/** Forgets `key` (a successful sign-in). */
export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query("DELETE FROM sign_in_limits WHERE key = $1", [key]);
}

/** Drops rows whose window and lockout have both ended, so a spray of keys does not grow the table. */
export async function pruneEndedLimits(db: Queryable, windowMs: number): Promise<void> {
  await db.query(
    `DELETE FROM sign_in_limits
     WHERE window_started_at <= now() - $1::double precision * interval '1 millisecond'
       AND (locked_until IS NULL OR locked_until <= now())`,
    [windowMs],
  );
}
