// Trades AssetPay no longer knows. A batch lookup (`GET /secure/trades/{refs}`) silently drops refs it
// does not know, so a ref missing from a batch answer proves nothing by itself; only a single-ref GET
// answering 404 TRADE_NOT_FOUND does (docs/assetpay-api.md). This module asks that question for the
// refs a reconcile did not get back, a few per run so it never eats the merchant's rate budget; the
// reconciler records the outcome. A single-ref GET that returns the trade, or fails any other way,
// never marks it missing.
import "server-only";
import { z } from "zod";
import { runRateLimited } from "@/lib/assetpay/rate-limited-pool";
import { AssetPayError, type AssetPayClient } from "@/lib/assetpay/rest-client";

/** Single-ref lookups per reconcile; the rest wait for the next run (they stay in flight meanwhile). */
export const MAX_CONFIRMATIONS_PER_RUN = 20;
const CONCURRENCY = 2;
const DEADLINE_MS = 20_000;

const oneTradeSchema = z.union([z.array(z.unknown()), z.unknown().transform((single) => [single])]);

export interface MissingConfirmation {
  /** AssetPay answered TRADE_NOT_FOUND for these refs. */
  notFound: string[];
  /** What AssetPay returned for refs the batch had dropped (they exist after all): record them. */
  found: unknown[];
  /** Refs not asked this run (over MAX_CONFIRMATIONS_PER_RUN). */
  deferred: number;
  requests: number;
  rateLimited: number;
  errors: string[];
}

type Lookup = { ref: string; notFound: true } | { ref: string; notFound: false; trades: unknown[] };

export async function confirmMissingTrades(refs: readonly string[], client: AssetPayClient): Promise<MissingConfirmation> {
  const asked = [...new Set(refs)].slice(0, MAX_CONFIRMATIONS_PER_RUN);
  const outcome = await runRateLimited(
    asked,
    async (ref): Promise<Lookup> => {
      try {
        return { ref, notFound: false, trades: await client.request(`/secure/trades/${encodeURIComponent(ref)}`, oneTradeSchema) };
      } catch (error) {
        if (error instanceof AssetPayError && error.key === "TRADE_NOT_FOUND") return { ref, notFound: true };
        throw error;
      }
    },
    { concurrency: CONCURRENCY, deadlineMs: DEADLINE_MS },
  );
  return {
    notFound: outcome.results.flatMap((lookup) => (lookup.notFound ? [lookup.ref] : [])),
    found: outcome.results.flatMap((lookup) => (lookup.notFound ? [] : lookup.trades)),
    deferred: Math.max(0, new Set(refs).size - asked.length),
    requests: outcome.requests,
    rateLimited: outcome.rateLimited,
    errors: outcome.errors,
  };
}
