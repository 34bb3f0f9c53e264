// Selectors for the ops store. Hook-safe selectors return stored references or primitives, so
// `useOpsStore(selector)` only re-renders when that value changes. The `read*` helpers build new
// arrays/objects on every call: use them imperatively (getState()) or inside useMemo keyed on
// `tradesVersion`/`now`, never directly as a hook selector.
import { isTerminalStatus } from "@/lib/trades/status-classes";
import { type StallAssessment, assessStall, shortStallReason } from "@/lib/trades/stall-rules";
import type { TradeItem } from "@/lib/trades/types";
import { eventsPerSecond } from "./diagnostics";
import { journaledCount } from "./journaled-count";
import type { OpsState, StoredTrade } from "./state";

/** Stable per trade: unchanged trades keep their record object across batches. */
export const selectTrade =
  (id: string) =>
  (state: OpsState): StoredTrade | undefined =>
    state.trades.get(id);

/** Changes whenever any trade is added, changed or evicted; the trigger for list recomputation. */
export const selectTradesVersion = (state: OpsState): number => state.tradesVersion;
export const selectTradeCount = (state: OpsState): number => state.trades.size;
export const selectNow = (state: OpsState): number => state.now;
export const selectConnection = (state: OpsState) => state.connection;
export const selectDiagnostics = (state: OpsState) => state.diagnostics;
export const selectLastEventAt = (state: OpsState): number | null => state.diagnostics.lastEventAt;
export const selectMeanEventGapMs = (state: OpsState): number | null => state.diagnostics.meanEventGapMs;
export const selectLastResync = (state: OpsState) => state.diagnostics.lastResync;
export const selectRecorderDiagnostics = (state: OpsState) => state.diagnostics.recorder;
export const selectRetention = (state: OpsState) => state.retention;
export const selectDeposits = (state: OpsState) => state.funding.deposits;
export const selectWithdrawals = (state: OpsState) => state.funding.withdrawals;
export const selectEventsPerSecond = (state: OpsState): number => eventsPerSecond(state.diagnostics.eventRate, state.now);

/**
 * Read-only lookup of the items held per trade id, reading the store's current state on every call.
 * The parsing edge hands it to lib/wire's fast path, which returns these very arrays when an event
 * resends a trade's items unchanged (see lib/wire/trade-fast-path.ts). Callers must not mutate them.
 */
export function heldItemsLookup(getState: () => OpsState): (tradeId: string) => TradeItem[] | undefined {
  return (tradeId) => getState().trades.get(tradeId)?.trade.items;
}

const MISSING_NOT_STALLED: StallAssessment = Object.freeze({ stalled: false, reason: null, limitMs: null, overByMs: 0 });

/** Stall verdict for a stored trade against the store's clock and limits; a missing trade never stalls. */
export function stallOf(state: OpsState, record: StoredTrade): StallAssessment {
  if (record.missing) return MISSING_NOT_STALLED;
  return assessStall(record.trade, record.enteredStatusAt, state.now, state.stallLimits);
}

/** Primitive, so safe as a hook selector for one row. */
export const selectIsMissing =
  (id: string) =>
  (state: OpsState): boolean =>
    state.trades.get(id)?.missing === true;

const countMissing = journaledCount<StoredTrade>((record) => record.missing === true);

/** Trades on the board AssetPay no longer knows. Primitive; follows the trades changed since the last call. */
export function selectMissingCount(state: OpsState): number {
  return countMissing(state.trades);
}

/** Primitive, so safe as a hook selector for one row. */
export const selectIsStalled =
  (id: string) =>
  (state: OpsState): boolean => {
    const record = state.trades.get(id);
    return record ? stallOf(state, record).stalled : false;
  };

/** Stall reason for one row (a string or null — also hook-safe). */
export const selectStallReason =
  (id: string) =>
  (state: OpsState): string | null => {
    const record = state.trades.get(id);
    return record ? stallOf(state, record).reason : null;
  };

/** The stall reason in a few words while the trade is stalled, else null (hook-safe: a string or null). */
export const selectShortStallReason =
  (id: string) =>
  (state: OpsState): string | null => {
    const record = state.trades.get(id);
    if (!record || !stallOf(state, record).stalled) return null;
    return shortStallReason(record.trade, record.enteredStatusAt, state.stallLimits);
  };

/** Ids of trades still in flight (incl. unknown status): what a resync must re-check. New array per call. */
export function selectNonTerminalIds(state: OpsState): string[] {
  const ids: string[] = [];
  for (const [id, record] of state.trades) if (!isTerminalStatus(record.trade.status) && !record.missing) ids.push(id);
  return ids;
}

/** Count of in-flight trades not yet confirmed since the last disconnect. O(n); call from useMemo. */
export function readUnverifiedCount(state: OpsState): number {
  let n = 0;
  for (const record of state.trades.values()) if (!record.verified) n += 1;
  return n;
}
