// GET ?range=1h|24h|7d: the trends of the recorded history for that range (lib/db/trend-reads.ts), for
// any signed-in staff member. Answers are kept per range for a sixtieth of its bucket, at least 5 s
// (1 h: 5 s, 24 h: 15 s, 7 d: 60 s), so every open board asking about once a minute costs one query
// per range, not one per tab, and the week (the slow one, bench/RESULTS.md "Trends") at most one a minute —
// or, when a read took long, after ten times its duration (./short-cache.ts).
import { z } from "zod";
import { stallLimitsFromEnv } from "@/lib/env/server";
import { teamSource } from "@/lib/db/team-source";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { DEFAULT_STALL_LIMITS } from "@/lib/trades/stall-rules";
import { TREND_RANGE_SPECS, TREND_RANGES, type TrendRange, type TrendsAnswer } from "@/lib/trades/trends";
import { shortCache } from "./short-cache";

export const dynamic = "force-dynamic";

const MIN_CACHE_MS = 5_000;

const querySchema = z.object({ range: z.enum(TREND_RANGES).default("24h") });

const cache = shortCache<TrendRange, TrendsAnswer>((range) => Math.max(MIN_CACHE_MS, TREND_RANGE_SPECS[range].bucketMs / 60));

export const GET = withStaff(async (request) => {
  const range = new URL(request.url).searchParams.get("range");
  const query = querySchema.safeParse({ range: range ?? undefined });
  if (!query.success) return jsonError(400, "invalid_query", `Expected range=${TREND_RANGES.join("|")}.`);
  const limits = { ...DEFAULT_STALL_LIMITS, ...stallLimitsFromEnv() };
  const answer = await cache.get(query.data.range, () =>
    teamSource().call({ op: "trends", range: query.data.range, nowMs: Date.now(), limits }),
  );
  return noStoreJson(answer);
});
