// What a browser's resync gets now that browsers no longer ask AssetPay themselves: the recorded
// version of each trade it holds, plus the recent ledger rows, in the shape /api/assetpay/resync has
// always answered (payloads as AssetPay sent them; the browser parses them with lib/wire).
// Socket-format funding is left out: the resync answer carries ledger rows only, and the page already
// has those funding events from its snapshot and its own socket. Never writes.
import "server-only";
import type { Queryable } from "./database";

/** Ids one resync may ask about (the route answers 400 beyond, the recorder's API refuses them). */
export const MAX_RESYNC_IDS = 10_000;

/** Recent ledger rows in a resync answer: what the old direct read of AssetPay's ledger returned (2 × 100). */
export const RESYNC_FUNDING_ROWS = 200;

export interface RecordedResync {
  trades: unknown[];
  funding: unknown[];
  /** Asked-for ids no recorder has seen. */
  missing: number;
}

export async function readResync(db: Queryable, tradeIds: readonly string[]): Promise<RecordedResync> {
  const unique = [...new Set(tradeIds)];
  const trades = unique.length === 0 ? [] : await db.query<{ payload: unknown }>("SELECT payload FROM trades WHERE id = ANY($1::text[])", [unique]);
  const funding = await db.query<{ payload: unknown }>(
    "SELECT payload FROM funding WHERE format = 'ledger' ORDER BY stamp DESC LIMIT $1",
    [RESYNC_FUNDING_ROWS],
  );
  return {
    trades: trades.map((row) => row.payload),
    funding: funding.map((row) => row.payload),
    missing: unique.length - trades.length,
  };
}
