// Trends from the recorded history: per game and per time bucket, trades started, completed, failed
// (by AssetPay error code), reverted and stalled, and the median time from `active` to accepted. One
// SQL statement per window, bucketed in SQL, that runs the same on PGlite and PostgreSQL. The
// definitions (docs/architecture.md, "Trends"):
// - every measure is an event at an AssetPay time (`trade_history.at`, the `updatedAt` of the version
//   that brought the status), counted in the bucket that holds it;
// - started: a trade's earliest recorded status change;
// - completed / failed / reverted: a change to that status; failed is split by the trade's `error`;
// - stalled: a status held past its stall limit (lib/trades/stall-rules.ts, limits passed in): the
//   next change (LEAD over the trade's history) came after the limit, or has not come yet and the
//   trade is not missing at AssetPay; the event is the moment the limit ran out;
// - accepted: an `active` status followed directly by `hold`, `escrow` or `completed` (the user took
//   the Steam offer); its duration is the time between the two, bucketed at the acceptance.
// Read-only; every value goes through parameters.
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

/** Steam's trade protection is 7 days; a hold stall is looked for up to a day beyond that. */
const HOLD_LOOKBACK_MS = 8 * 24 * 60 * 60_000;

/** Games always reported (zeros when quiet), so both series are on every chart. */
const ALWAYS_SHOWN_GAMES = ["cs2", "rust"] as const;

/**
 * A wire time from the trade's payload as timestamptz, or NULL unless it is a well-formed ISO date-time
 * with a zone that PostgreSQL certainly accepts (a bad value must never fail the whole statement; 29
 * February is left out rather than checked for leap years).
 */
function wireTime(field: "holdEndDate" | "autoCancelAt"): string {
  const text = `(r.payload->>'${field}')`;
  const pattern =
    "^(19|20)[0-9]{2}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))" +
    "T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?(Z|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])$";
  return `(CASE WHEN ${text} ~ '${pattern}' THEN ${text}::timestamptz END)`;
}

const ms = (param: string) => `(${param}::double precision * interval '1 millisecond')`;

/**
 * When a status row would become stalled (lib/trades/stall-rules.ts, in SQL): entered + its limit,
 * or earlier at the trade's autoCancelAt (active; withdraw pending); hold and escrow end at the hold
 * end date plus the allowed overrun, or after the overrun when the trade has no hold end date.
 * Parameters $4..$10 are the limits in milliseconds.
 */
const STALLS_AT = `CASE r.status
    WHEN 'initiated' THEN r.at + CASE WHEN r.type = 'deposit' THEN ${ms("$4")} ELSE ${ms("$6")} END
    WHEN 'pending' THEN CASE WHEN r.type = 'deposit' THEN r.at + ${ms("$5")}
                             ELSE LEAST(r.at + ${ms("$7")}, ${wireTime("autoCancelAt")}) END
    WHEN 'active' THEN LEAST(r.at + ${ms("$8")}, ${wireTime("autoCancelAt")})
    WHEN 'hold' THEN COALESCE(${wireTime("holdEndDate")}, r.at) + ${ms("$9")}
    WHEN 'escrow' THEN COALESCE(${wireTime("holdEndDate")}, r.at) + ${ms("$9")}
    WHEN 'unknown' THEN r.at + ${ms("$10")}
  END`;

// $1 window start, $2 window end (exclusive), $3 earliest change read (the lookback for stalls and
// acceptances), $4..$10 stall limits, $11 bucket width in seconds.
const TRENDS_SQL = `
WITH changes AS (
  SELECT h.trade_id, h.status, h.at, t.game, t.type, t.payload, t.missing_at,
         LAG(h.at) OVER w AS previous_at,
         LEAD(h.at) OVER w AS next_at,
         LEAD(h.status) OVER w AS next_status
  FROM trade_history h
  JOIN trades t ON t.id = h.trade_id
  WHERE h.at >= $3::timestamptz AND h.at < $2::timestamptz
  WINDOW w AS (PARTITION BY h.trade_id ORDER BY h.at, h.status)
),
events AS (
  SELECT 'started' AS measure, r.game, NULL AS code, r.at AS event_at, NULL::double precision AS duration_ms
  FROM changes r
  WHERE r.at >= $1::timestamptz AND r.previous_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM trade_history e WHERE e.trade_id = r.trade_id AND e.at < r.at)
  UNION ALL
  SELECT r.status, r.game, NULL, r.at, NULL
  FROM changes r
  WHERE r.at >= $1::timestamptz AND r.status IN ('completed', 'reverted')
  UNION ALL
  SELECT 'failed', r.game, COALESCE(NULLIF(left(r.payload->>'error', 64), ''), 'none'), r.at, NULL
  FROM changes r
  WHERE r.at >= $1::timestamptz AND r.status = 'failed'
  UNION ALL
  SELECT 'accepted', r.game, NULL, r.next_at, extract(epoch FROM r.next_at - r.at)::double precision * 1000
  FROM changes r
  WHERE r.status = 'active' AND r.next_status IN ('hold', 'escrow', 'completed') AND r.next_at >= $1::timestamptz
  UNION ALL
  SELECT 'stalled', s.game, NULL, s.stalls_at, NULL
  FROM (SELECT r.game, r.next_at, r.missing_at, ${STALLS_AT} AS stalls_at FROM changes r) s
  WHERE s.stalls_at >= $1::timestamptz AND s.stalls_at < $2::timestamptz
    AND (s.next_at > s.stalls_at OR (s.next_at IS NULL AND s.missing_at IS NULL))
)
SELECT measure, game, code,
       floor(extract(epoch FROM event_at - $1::timestamptz) / $11::double precision)::integer AS bucket,
       count(*) AS n,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS median_ms
FROM events
GROUP BY GROUPING SETS ((measure, game, code, bucket), (measure, game))
ORDER BY measure, game, code, bucket`;

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

/** How far before the window changes are read: the longest stall limit, and a hold's protection. */
export function lookbackMs(limits: StallLimits): number {
  return Math.max(...Object.values(limits)) + HOLD_LOOKBACK_MS;
}

/** The trends of one window, per game (CS2 and Rust always; other games when they had activity). */
export async function readTrends(db: Queryable, query: TrendQuery): Promise<GameTrend[]> {
  const { window, toMs, limits } = query;
  const fromIso = new Date(window.fromMs).toISOString();
  const rows = await db.query<TrendRow>(TRENDS_SQL, [
    fromIso,
    new Date(toMs).toISOString(),
    new Date(window.fromMs - lookbackMs(limits)).toISOString(),
    limits.depositInitiatedMs,
    limits.depositPendingMs,
    limits.withdrawInitiatedMs,
    limits.withdrawPendingMs,
    limits.activeMs,
    limits.holdOverrunMs,
    limits.unknownMs,
    window.bucketMs / 1000,
  ]);
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
