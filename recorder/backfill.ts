// Backfill for trades nobody saw: AssetPay has no merchant-wide list of client trades, so a trade that
// started while every socket was down (or before the dashboard was installed) is unknown to the recorder
// and no reconcile ever looks it up. An admin hands over the refs they know — AssetPay trade ids or their
// own order ids (externalIds), both accepted by `GET /secure/trades/{refs}` — and this looks them up 100
// at a time, one request after another, through the shared REST client (its rate budget applies), and
// records them like a reconcile does: newer-only, each status once in the history.
import "server-only";
import { fetchTradeBatch, REFS_PER_REQUEST } from "@/lib/assetpay/resync";
import { AssetPayError, type AssetPayClient } from "@/lib/assetpay/rest-client";
import type { Database } from "@/lib/db/database";
import { type TradeVersion, confirmTrades, recordTrades } from "@/lib/db/trade-writes";
import { type BackfillSummary, emptyBackfillSummary } from "@/lib/recorded/backfill-summary";
import { parseTrade } from "@/lib/wire/parse-trade";

/** A rate-limited batch is retried after AssetPay's Retry-After this many times before its refs count as failed. */
const RATE_LIMITED_RETRIES = 3;
const MAX_WAIT_MS = 60_000;

export interface BackfillOptions {
  db: Database;
  client: AssetPayClient;
  /** After each batch of up to 100 refs. */
  onProgress?: (done: number, total: number, summary: BackfillSummary) => void;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

function refsOf(payload: unknown): string[] {
  if (typeof payload !== "object" || payload === null) return [];
  const record = payload as Record<string, unknown>;
  return [record.id, record.externalId].filter((value): value is string => typeof value === "string");
}

async function lookUp(refs: string[], options: BackfillOptions, summary: BackfillSummary): Promise<unknown[] | null> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt += 1) {
    summary.requests += 1;
    try {
      return await fetchTradeBatch(options.client, refs);
    } catch (error) {
      const limited = error instanceof AssetPayError && error.key === "RATE_LIMITED";
      if (limited && attempt < RATE_LIMITED_RETRIES) {
        await sleep(Math.min(MAX_WAIT_MS, Math.max(1, error.retryAfterSeconds ?? 5) * 1000));
        continue;
      }
      if (summary.errors.length < 5) summary.errors.push((error instanceof Error ? error.message : String(error)).slice(0, 300));
      return null;
    }
  }
}

export async function backfillTrades(refsIn: readonly string[], options: BackfillOptions): Promise<BackfillSummary> {
  const now = options.now ?? Date.now;
  const refs = [...new Set(refsIn.map((ref) => ref.trim()).filter((ref) => ref.length > 0))];
  const summary = emptyBackfillSummary();
  summary.requested = refs.length;
  for (let start = 0; start < refs.length; start += REFS_PER_REQUEST) {
    const batch = refs.slice(start, start + REFS_PER_REQUEST);
    const payloads = await lookUp(batch, options, summary);
    if (payloads === null) {
      summary.failed += batch.length;
    } else {
      const asked = new Set(batch);
      const found = new Set<string>();
      const versions: TradeVersion[] = [];
      for (const payload of payloads) {
        for (const ref of refsOf(payload)) if (asked.has(ref)) found.add(ref);
        const parsed = parseTrade(payload);
        if (parsed.ok) versions.push({ trade: parsed.value, payload });
        else if (summary.errors.length < 5) summary.errors.push(`malformed trade from REST ignored: ${parsed.reason}`);
      }
      const at = now();
      const counts = await recordTrades(options.db, versions, at);
      await confirmTrades(options.db, versions.map((version) => version.trade.id), at);
      summary.found += found.size;
      summary.notFound += batch.length - found.size;
      summary.new += counts.inserted;
      summary.updated += counts.updated;
      for (const reason of counts.refused) if (summary.errors.length < 5) summary.errors.push(reason.slice(0, 300));
    }
    options.onProgress?.(Math.min(start + batch.length, refs.length), refs.length, summary);
  }
  return summary;
}
