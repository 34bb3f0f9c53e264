// Trends from the recorded history: per game and per time bucket, trades started, completed, failed
// (by AssetPay error code), reverted and stalled, and the median time from `active` to accepted. One
// SQL statement per window, bucketed in SQL, that runs the same on PGlite and PostgreSQL. The
// definitions (docs/architecture.md, "Trends"):
// - every measure is an event at an AssetPay time (`trade_history.at`, the `updatedAt` of the version
//   that brought the status), counted in the bucket that holds it;
// - started: a trade's earliest recorded status change;
// - completed / failed / reverted: a change to that status; failed is split by the trade's `error`;
// - stalled: a status held past its stall limit (lib/trades/stall-rules.ts, limits passed in): the
//   next change came after the limit ran out, or has not come and the trade is still in flight (not
//   missing at AssetPay); the event is the moment the limit ran out;
// - accepted: an `active` status followed directly by `hold`, `escrow` or `completed` (the user took
//   the Steam offer); its duration is the time between the two, bucketed at the acceptance.
// "The change before" each change (SQL's LAG over the trade's history) is looked up per change
// through trade_history's primary key, so a window reads only the changes since its start and the
// current status of trades in flight, however long ago a status began. Read-only; every value goes
// through parameters.
import "server-only";
import type { StallLimits } from "@/lib/trades/stall-rules";
import {
  type GameTrend,
  TREND_COUNTS,
  TREND_RANGE_SPECS,
  type TrendCount,
  type TrendRange,
  type TrendsAnswer,
  type TrendWindow,
  trendWindow,
} from "@/lib/trades/trends";
import type { Queryable } from "./database";

/** Games always reported (zeros when quiet), so both series are on every chart. */
const ALWAYS_SHOWN_GAMES = ["cs2", "rust"] as const;

/**
 * A wire time from a trade's payload (`alias.payload`) as timestamptz, or NULL unless it is a
 * well-formed ISO date-time with a zone that PostgreSQL certainly accepts (a bad value must never
 * fail the whole statement; 29 February is left out rather than checked for leap years).
 */
function wireTime(alias: string, field: "holdEndDate" | "autoCancelAt"): string {
  const text = `(${alias}.payload->>'${field}')`;
  const pattern =
    "^(19|20)[0-9]{2}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))" +
    "T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?(Z|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])$";
  return `(CASE WHEN ${text} ~ '${pattern}' THEN ${text}::timestamptz END)`;
}

const ms = (param: string) => `(${param}::double precision * interval '1 millisecond')`;

/**
 * When a status entered at `at` would become stalled (lib/trades/stall-rules.ts, in SQL): entered +
 * its limit, or earlier at the trade's autoCancelAt (active; withdraw pending); hold and escrow end
 * at the hold end date plus the allowed overrun, or after the overrun when the trade has none. NULL
 * for statuses that never stall. `alias` has the trade's type and payload. $3..$9 are the limits.
 */
function stallsAt(status: string, at: string, alias: string): string {
  return `CASE ${status}
    WHEN 'initiated' THEN ${at} + CASE WHEN ${alias}.type = 'deposit' THEN ${ms("$3")} ELSE ${ms("$5")} END
    WHEN 'pending' THEN CASE WHEN ${alias}.type = 'deposit' THEN ${at} + ${ms("$4")}
                             ELSE LEAST(${at} + ${ms("$6")}, ${wireTime(alias, "autoCancelAt")}) END
    WHEN 'active' THEN LEAST(${at} + ${ms("$7")}, ${wireTime(alias, "autoCancelAt")})
    WHEN 'hold' THEN COALESCE(${wireTime(alias, "holdEndDate")}, ${at}) + ${ms("$8")}
    WHEN 'escrow' THEN COALESCE(${wireTime(alias, "holdEndDate")}, ${at}) + ${ms("$8")}
    WHEN 'unknown' THEN ${at} + ${ms("$9")}
  END`;
}

/** The trade's change just before `n` (same order as the board's: time, then status). */
const CHANGE_BEFORE = `LEFT JOIN LATERAL (
    SELECT h.status, h.at FROM trade_history h
    WHERE h.trade_id = n.trade_id AND (h.at < n.at OR (h.at = n.at AND h.status < n.status))
    ORDER BY h.at DESC, h.status DESC LIMIT 1
  ) p ON true`;

// $1 window start, $2 window end (exclusive), $3..$9 stall limits (ms), $10 bucket width in seconds,
// $11 the longest stall limit (ms).
const TRENDS_SQL = `
WITH moved AS (
  SELECT n.status, n.at, t.game, t.type, t.payload, p.status AS before_status, p.at AS before_at
  FROM trade_history n
  JOIN trades t ON t.id = n.trade_id
  ${CHANGE_BEFORE}
  WHERE n.at >= $1::timestamptz
),
still AS (
  SELECT t.game, t.type, t.payload, l.status, l.at
  FROM trades t
  CROSS JOIN LATERAL (
    SELECT h.status, h.at FROM trade_history h WHERE h.trade_id = t.id ORDER BY h.at DESC, h.status DESC LIMIT 1
  ) l
  WHERE NOT t.terminal AND t.missing_at IS NULL
    -- Only trades whose limit can run out in the window (the status began at or before updated_at):
    -- changed within the longest limit ($11) of its start, or with a hold end date that late.
    AND (t.updated_at >= $1::timestamptz - ${ms("$11")} OR ${wireTime("t", "holdEndDate")} + ${ms("$8")} >= $1::timestamptz)
),
events AS (
  SELECT 'started' AS measure, m.game, NULL AS code, m.at AS event_at, NULL::double precision AS duration_ms
  FROM moved m WHERE m.before_at IS NULL
  UNION ALL
  SELECT m.status, m.game, NULL, m.at, NULL FROM moved m WHERE m.status IN ('completed', 'reverted')
  UNION ALL
  SELECT 'failed', m.game, COALESCE(NULLIF(left(m.payload->>'error', 64), ''), 'none'), m.at, NULL
  FROM moved m WHERE m.status = 'failed'
  UNION ALL
  SELECT 'accepted', m.game, NULL, m.at, extract(epoch FROM m.at - m.before_at)::double precision * 1000
  FROM moved m WHERE m.before_status = 'active' AND m.status IN ('hold', 'escrow', 'completed')
  UNION ALL
  SELECT 'stalled', s.game, NULL, s.stalls_at, NULL
  FROM (SELECT m.game, m.at, ${stallsAt("m.before_status", "m.before_at", "m")} AS stalls_at FROM moved m) s
  WHERE s.at > s.stalls_at
  UNION ALL
  SELECT 'stalled', o.game, NULL, o.stalls_at, NULL
  FROM (SELECT l.game, ${stallsAt("l.status", "l.at", "l")} AS stalls_at FROM still l) o
)
SELECT measure, game, code,
       floor(extract(epoch FROM event_at - $1::timestamptz) / $10::double precision)::integer AS bucket,
       count(*) AS n,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS median_ms
FROM events
WHERE event_at >= $1::timestamptz AND event_at < $2::timestamptz
GROUP BY GROUPING SETS ((measure, game, code, bucket), (measure, game))`;

interface TrendRow {
  measure: string;
  game: string;
  code: string | null;
  bucket: number | string | null;
  n: number | string;
  median_ms: number | string | null;
}

export interface TrendQuery {
  window: TrendWindow;
  /** The end of the window (exclusive): now. Changes after it are not read. */
  toMs: number;
  limits: StallLimits;
}

function emptyGame(game: string, buckets: number): GameTrend {
  const zeros = () => new Array<number>(buckets).fill(0);
  return {
    game,
    started: zeros(),
    completed: zeros(),
    failed: zeros(),
    reverted: zeros(),
    stalled: zeros(),
    failedByCode: {},
    medianActiveToAcceptedMs: new Array<number | null>(buckets).fill(null),
    rangeMedianActiveToAcceptedMs: null,
  };
}

const COUNTED: ReadonlySet<string> = new Set(TREND_COUNTS);

/** The one statement of a window and its parameters (the bench EXPLAINs it). */
export function trendsStatement(query: TrendQuery): { sql: string; params: (string | number)[] } {
  const { window, toMs, limits } = query;
  return {
    sql: TRENDS_SQL,
    params: [
      new Date(window.fromMs).toISOString(),
      new Date(toMs).toISOString(),
      limits.depositInitiatedMs,
      limits.depositPendingMs,
      limits.withdrawInitiatedMs,
      limits.withdrawPendingMs,
      limits.activeMs,
      limits.holdOverrunMs,
      limits.unknownMs,
      window.bucketMs / 1000,
      Math.max(...Object.values(limits)),
    ],
  };
}

/** The trends of one window, per game (CS2 and Rust always; other games when they had activity). */
export async function readTrends(db: Queryable, query: TrendQuery): Promise<GameTrend[]> {
  const { window } = query;
  const { sql, params } = trendsStatement(query);
  const rows = await db.query<TrendRow>(sql, params);
  const games = new Map<string, GameTrend>(ALWAYS_SHOWN_GAMES.map((game) => [game, emptyGame(game, window.count)]));
  for (const row of rows) {
    let trend = games.get(row.game);
    if (!trend) {
      trend = emptyGame(row.game, window.count);
      games.set(row.game, trend);
    }
    const median = row.median_ms === null ? null : Number(row.median_ms);
    if (row.bucket === null) {
      if (row.measure === "accepted") trend.rangeMedianActiveToAcceptedMs = median;
      continue;
    }
    const bucket = Number(row.bucket);
    if (bucket < 0 || bucket >= window.count) continue;
    const n = Number(row.n);
    if (row.measure === "accepted") {
      trend.medianActiveToAcceptedMs[bucket] = median;
    } else if (COUNTED.has(row.measure)) {
      trend[row.measure as TrendCount][bucket] = (trend[row.measure as TrendCount][bucket] ?? 0) + n;
      if (row.measure === "failed" && row.code !== null) {
        const byCode = (trend.failedByCode[row.code] ??= new Array<number>(window.count).fill(0));
        byCode[bucket] = n;
      }
    }
  }
  return [...games.values()];
}

/** The answer for one range ending now: its window, then readTrends. */
export async function readTrendsAnswer(db: Queryable, range: TrendRange, nowMs: number, limits: StallLimits): Promise<TrendsAnswer> {
  const spec = TREND_RANGE_SPECS[range];
  const window = trendWindow(spec.spanMs, spec.bucketMs, nowMs);
  const games = await readTrends(db, { window, toMs: nowMs, limits });
  return {
    range,
    fromMs: window.fromMs,
    toMs: nowMs,
    bucketMs: window.bucketMs,
    buckets: window.count,
    games,
    computedAt: new Date(nowMs).toISOString(),
  };
}
