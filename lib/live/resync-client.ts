// Browser side of a resync: asks our `/api/assetpay/resync` route for AssetPay's current view of the
// trades we hold as in flight, parses every returned payload at the edge with lib/wire (the same rules
// as socket events), and returns a result the store applies with its newer-only rules.
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
  let response: Response;
  try {
    response = await fetchImpl(tradeIds);
  } catch (error) {
    return { trades: [], funding: [], at: now(), error: `Resync could not reach the dashboard server: ${String(error)}` };
  }
  if (response.status === 401) throw new ResyncSignedOutError("staff session ended");
  const body = responseSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !body.success) {
    return { trades: [], funding: [], at: now(), error: `Resync failed (HTTP ${response.status})` };
  }
  const trades = parseList(body.data.trades, parseTrade);
  // Ledger kinds we do not track (refunds, admin rows) are not malformed: parseList leaves them out quietly.
  const funding = parseList(body.data.funding, parseLedgerTransaction);
  const problems = [
    ...(body.data.errors ?? []),
    ...trades.failures.map((reason) => `malformed trade ignored: ${reason}`),
    ...funding.failures.map((reason) => `malformed funding ignored: ${reason}`),
  ];
  return {
    trades: trades.values,
    funding: funding.values,
    at: now(),
    ...(body.data.missingIds && body.data.missingIds.length > 0 ? { missingIds: body.data.missingIds } : {}),
    ...(body.data.reconciled === false ? { recorderCaughtUp: false } : {}),
    ...(problems.length > 0 ? { error: problems.slice(0, 3).join("; ") } : {}),
  };
}
