// The trends the board charts from the recorded history (lib/db/trend-reads.ts computes them in SQL):
// the ranges staff can pick, how each is bucketed, and the answer's shape, which the route sends and
// the browser parses with the same schema. Pure: no I/O. Definitions of each measure are in
// docs/architecture.md ("Trends").
import { z } from "zod";

export const TREND_RANGES = ["1h", "24h", "7d"] as const;
export type TrendRange = (typeof TREND_RANGES)[number];

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** How long each range looks back and how wide its buckets are: 60 minutes, 96 quarter hours, 168 hours. */
export const TREND_RANGE_SPECS: Readonly<Record<TrendRange, { spanMs: number; bucketMs: number; label: string }>> = {
  "1h": { spanMs: HOUR_MS, bucketMs: MINUTE_MS, label: "1 h" },
  "24h": { spanMs: 24 * HOUR_MS, bucketMs: 15 * MINUTE_MS, label: "24 h" },
  "7d": { spanMs: 7 * 24 * HOUR_MS, bucketMs: HOUR_MS, label: "7 d" },
};

/** The counted measures, in the order the charts show them. */
export const TREND_COUNTS = ["started", "completed", "failed", "reverted", "stalled"] as const;
export type TrendCount = (typeof TREND_COUNTS)[number];

export const TREND_COUNT_TITLES: Readonly<Record<TrendCount, string>> = {
  started: "Trades started",
  completed: "Trades completed",
  failed: "Trades failed",
  reverted: "Trades reverted",
  stalled: "Trades stalled",
};

/** The buckets of a window: `count` buckets of `bucketMs`, the first starting at `fromMs`. */
export interface TrendWindow {
  fromMs: number;
  bucketMs: number;
  count: number;
}

/**
 * The window ending with the bucket that holds `nowMs`: buckets are aligned to whole multiples of their
 * width since 1970 (so every tab and every instance agree), and the last one is still filling.
 */
export function trendWindow(spanMs: number, bucketMs: number, nowMs: number): TrendWindow {
  const count = Math.max(1, Math.ceil(spanMs / bucketMs));
  const lastStart = Math.floor(nowMs / bucketMs) * bucketMs;
  return { fromMs: lastStart - (count - 1) * bucketMs, bucketMs, count };
}

const counts = z.array(z.number().int().min(0));

export const gameTrendSchema = z.object({
  game: z.string(),
  started: counts,
  completed: counts,
  failed: counts,
  reverted: counts,
  stalled: counts,
  /** Failures per AssetPay error code ("none" when the trade carried none), bucket by bucket. */
  failedByCode: z.record(z.string(), counts),
  /** Median milliseconds from `active` to accepted among trades accepted in each bucket; null: none. */
  medianActiveToAcceptedMs: z.array(z.number().min(0).nullable()),
  /** The same median over the whole range. */
  rangeMedianActiveToAcceptedMs: z.number().min(0).nullable(),
});

export type GameTrend = z.infer<typeof gameTrendSchema>;

export const trendsAnswerSchema = z.object({
  range: z.enum(TREND_RANGES),
  fromMs: z.number(),
  toMs: z.number(),
  bucketMs: z.number().int().positive(),
  buckets: z.number().int().positive(),
  /** Always CS2 and Rust (zeros when quiet), then any other game that had activity. */
  games: z.array(gameTrendSchema),
  computedAt: z.string(),
});

export type TrendsAnswer = z.infer<typeof trendsAnswerSchema>;

export const sumOf = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
