// Browser side of a resync: asks our `/api/assetpay/resync` route for AssetPay's current view of the
// trades we hold as in flight, parses every returned payload at the edge with lib/wire (the same rules
// as socket events), and returns a result the store applies with its newer-only rules. The route takes
// at most RESYNC_CHUNK_IDS ids per request, so a bigger board asks in sequential chunks and merges the
// answers (one request at a time: the route and the recorder's store see no burst from one tab).
import { z } from "zod";
import type { ResyncResult } from "@/lib/store/resync";
import { parseLedgerTransaction } from "@/lib/wire/parse-funding";
import { parseList } from "@/lib/wire/parse-list";
import { parseTrade } from "@/lib/wire/parse-trade";

const responseSchema = z.object({
  trades: z.array(z.unknown()),
  funding: z.array(z.unknown()),
  missing: z.number().optional(),
  /** Asked-about trades AssetPay no longer knows (the recorder confirmed each with a single-ref 404). */
  missingIds: z.array(z.string().min(1).max(256)).max(100_000).optional(),
  errors: z.array(z.string()).optional(),
  /** Whether the recorder finished the reconcile this resync asked for before answering. */
  reconciled: z.boolean().optional(),
});

type ResyncAnswer = z.infer<typeof responseSchema>;

/** Ids per request: the route's cap (MAX_RESYNC_IDS in lib/db/resync-reads.ts, 400 beyond it). */
export const RESYNC_CHUNK_IDS = 10_000;

export class ResyncSignedOutError extends Error {}

export type FetchResync = (tradeIds: string[]) => Promise<Response>;

const defaultFetch: FetchResync = (tradeIds) =>
  fetch("/api/assetpay/resync", {
    method: "POST",
    credentials: "same-origin",
    cache: "no-store",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ tradeIds }),
  });

export async function fetchResync(tradeIds: string[], now: () => number, fetchImpl: FetchResync = defaultFetch): Promise<ResyncResult> {
  // `missing` (ids no recorder has seen) is not merged: the board does nothing with the count.
  const merged: ResyncAnswer = { trades: [], funding: [], missingIds: [], errors: [] };
  // An empty board still asks once: the answer carries the recent funding.
  for (let start = 0; start === 0 || start < tradeIds.length; start += RESYNC_CHUNK_IDS) {
    const answer = await fetchChunk(tradeIds.slice(start, start + RESYNC_CHUNK_IDS), fetchImpl);
    if (!answer.ok) {
      // Keep what earlier chunks brought (the store applies it newer-only) and say why the rest is missing.
      const partial = start > 0 ? ` after ${start} of ${tradeIds.length} trades` : "";
      return toResult(merged, now, `${answer.error}${partial}`);
    }
    merged.trades.push(...answer.body.trades);
    // Every chunk carries the same recent ledger rows: take them once.
    if (start === 0) merged.funding = answer.body.funding;
    merged.missingIds?.push(...(answer.body.missingIds ?? []));
    merged.errors?.push(...(answer.body.errors ?? []));
    // One chunk answered before the recorder caught up makes the whole answer possibly behind.
    if (answer.body.reconciled === false) merged.reconciled = false;
  }
  return toResult(merged, now, null);
}

async function fetchChunk(
  tradeIds: string[],
  fetchImpl: FetchResync,
): Promise<{ ok: true; body: ResyncAnswer } | { ok: false; error: string }> {
  let response: Response;
  try {
    response = await fetchImpl(tradeIds);
  } catch (error) {
    return { ok: false, error: `Resync could not reach the dashboard server: ${String(error)}` };
  }
  if (response.status === 401) throw new ResyncSignedOutError("staff session ended");
  const body = responseSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !body.success) return { ok: false, error: `Resync failed (HTTP ${response.status})` };
  return { ok: true, body: body.data };
}

function toResult(answer: ResyncAnswer, now: () => number, failure: string | null): ResyncResult {
  const trades = parseList(answer.trades, parseTrade);
  // Ledger kinds we do not track (refunds, admin rows) are not malformed: parseList leaves them out quietly.
  const funding = parseList(answer.funding, parseLedgerTransaction);
  const problems = [
    ...(failure === null ? [] : [failure]),
    ...(answer.errors ?? []),
    ...trades.failures.map((reason) => `malformed trade ignored: ${reason}`),
    ...funding.failures.map((reason) => `malformed funding ignored: ${reason}`),
  ];
  return {
    trades: trades.values,
    funding: funding.values,
    at: now(),
    ...(answer.missingIds && answer.missingIds.length > 0 ? { missingIds: answer.missingIds } : {}),
    ...(answer.reconciled === false ? { recorderCaughtUp: false } : {}),
    ...(problems.length > 0 ? { error: problems.slice(0, 3).join("; ") } : {}),
  };
}
