// Reducer for a REST backfill after (re)connect: same newer-only rules as live events, every returned
// trade is marked verified, and the outcome is recorded for the Diagnostics panel.
// Inputs are already-parsed domain objects (lib/live/resync-client parses with lib/wire); never raw JSON.
import type { Funding, Trade } from "@/lib/trades/types";
import { applyFundingBatch } from "./funding-reducers";
import { markTradesMissing } from "./missing-trades";
import type { OpsState } from "./state";
import { applyResyncTrades } from "./trade-reducers";

export interface ResyncResult {
  trades: readonly Trade[];
  funding: readonly Funding[];
  /** Our clock (ms) when the resync finished. */
  at: number;
  /** Set when the resync failed or was partial; whatever data came back is still applied. */
  error?: string;
  /** Trades AssetPay no longer knows (see ./missing-trades), when the answer names them. */
  missingIds?: readonly string[];
  /**
   * False when the recorder had not finished the reconcile this resync asked for (its AssetPay budget
   * was paused, or AssetPay was slow): the answer may trail AssetPay, so the live session asks again.
   */
  recorderCaughtUp?: boolean;
}

export function applyResync(state: OpsState, result: ResyncResult): OpsState {
  const applied = applyResyncTrades(state, result.trades, result.at);
  const { funding, counts } = applyFundingBatch(applied.state.funding, result.funding);
  const lastResync = {
    at: result.at,
    tradesRefreshed: result.trades.length,
    fundingRefreshed: result.funding.length,
    changed: applied.changed + counts.changed,
    ...(result.error !== undefined ? { error: result.error.slice(0, 300) } : {}),
  };
  const marked = result.missingIds ? markTradesMissing(applied.state, result.missingIds) : applied.state;
  return { ...marked, funding, diagnostics: { ...marked.diagnostics, lastResync } };
}
