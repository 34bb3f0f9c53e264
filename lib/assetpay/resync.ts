// The recorder's reconcile, REST side: re-reads in-flight trades from AssetPay
// (`GET /secure/trades/{refs}`, 100 refs per call) and the recent merchant funding from the ledger,
// each request within the one AssetPay budget the client carries (./rate-budget). Payloads come back
// as AssetPay sent them (envelope-checked here); the caller parses each with lib/wire like a socket
// event. Browsers never reach this: their resyncs read the recorder's store.
import "server-only";
import { z } from "zod";
import { chunk, runRateLimited } from "./rate-limited-pool";
import { AssetPayError, assetPay, type AssetPayClient } from "./rest-client";

/** AssetPay accepts up to 100 comma-joined refs per batch get. */
export const REFS_PER_REQUEST = 100;
const CONCURRENCY = 6;
const DEADLINE_MS = 20_000;

const tradeListSchema = z.union([z.array(z.unknown()), z.unknown().transform((single) => [single])]);
const ledgerPageSchema = z.object({ items: z.array(z.unknown()) });

export interface ResyncPayload {
  trades: unknown[];
  funding: unknown[];
  /** Refs AssetPay did not return (unknown to it, or dropped by the batch get). */
  missing: number;
  requests: number;
  rateLimited: number;
  errors: string[];
}

/** One batch get of up to 100 refs (trade ids or externalIds); unknown refs are simply absent. */
export async function fetchTradeBatch(client: AssetPayClient, refs: string[]): Promise<unknown[]> {
  const path = `/secure/trades/${refs.map(encodeURIComponent).join(",")}`;
  try {
    return await client.request(path, tradeListSchema);
  } catch (error) {
    // A single unknown ref answers 404 TRADE_NOT_FOUND instead of an empty list.
    if (error instanceof AssetPayError && error.key === "TRADE_NOT_FOUND") return [];
    throw error;
  }
}

async function fetchRecentFunding(client: AssetPayClient): Promise<unknown[]> {
  const pages = await Promise.all(
    (["DEPOSIT", "WITHDRAWAL"] as const).map((type) =>
      client.request("/v1/ledger/transactions", ledgerPageSchema, { query: { type, limit: 100 } }),
    ),
  );
  return pages.flatMap((page) => page.items);
}

export async function resyncFromAssetPay(tradeIds: readonly string[], client: AssetPayClient = assetPay()): Promise<ResyncPayload> {
  const unique = [...new Set(tradeIds)];
  const [tradeOutcome, fundingOutcome] = await Promise.all([
    runRateLimited(chunk(unique, REFS_PER_REQUEST), (refs) => fetchTradeBatch(client, refs), {
      concurrency: CONCURRENCY,
      deadlineMs: DEADLINE_MS,
    }),
    runRateLimited([null], () => fetchRecentFunding(client), { concurrency: 1, deadlineMs: DEADLINE_MS }),
  ]);
  const trades = tradeOutcome.results.flat();
  return {
    trades,
    funding: fundingOutcome.results.flat(),
    missing: Math.max(0, unique.length - trades.length),
    requests: tradeOutcome.requests + fundingOutcome.requests * 2,
    rateLimited: tradeOutcome.rateLimited + fundingOutcome.rateLimited,
    errors: [...tradeOutcome.errors, ...fundingOutcome.errors].slice(0, 5),
  };
}
