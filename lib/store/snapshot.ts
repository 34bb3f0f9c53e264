// Reducer for the page-load snapshot from the recorder: trades the server recorded before
// this tab opened, each with its recorded status history, plus recent funding. Same newer-only rules as
// live events and resync (a snapshot row never overwrites a newer live version); snapshot trades count
// as verified as of the snapshot; recorded and observed histories merge without duplicates.
// Inputs are parsed domain objects (lib/live/snapshot-client parses with lib/wire); never raw JSON.
import { collapseStatusHistory } from "@/lib/trades/status-history";
import type { Funding, Trade } from "@/lib/trades/types";
import { applyFundingBatch } from "./funding-reducers";
import { markTradesMissing } from "./missing-trades";
import { MAX_HISTORY, type OpsState, type StatusChange, type StoredTrade } from "./state";
import { writableTable } from "./trade-map";
import { applyResyncTrades } from "./trade-reducers";

export interface SnapshotTrade {
  trade: Trade;
  /** Status changes the recorder observed, oldest first. */
  history: readonly StatusChange[];
  /** AssetPay no longer knows it (see ./missing-trades). */
  missing?: boolean;
}

export interface SnapshotResult {
  trades: readonly SnapshotTrade[];
  funding: readonly Funding[];
  /** Our clock (ms) when the snapshot arrived. */
  at: number;
  error?: string;
}

function ms(iso: string): number {
  const value = Date.parse(iso);
  return Number.isFinite(value) ? value : 0;
}

/**
 * One history from two (what this tab observed and what the recorder recorded), put in order and
 * collapsed by the shared rule in lib/trades/status-history, capped to the newest MAX_HISTORY entries.
 */
export function mergeStatusHistories(a: readonly StatusChange[], b: readonly StatusChange[]): StatusChange[] {
  const merged = collapseStatusHistory([...a, ...b]);
  return merged.length > MAX_HISTORY ? merged.slice(merged.length - MAX_HISTORY) : merged;
}

function sameHistory(a: readonly StatusChange[], b: readonly StatusChange[]): boolean {
  return a.length === b.length && a.every((change, index) => change === b[index]);
}

/** When the current status began, per the merged history (the store's rule for `active` wins). */
function enteredAt(record: StoredTrade, history: readonly StatusChange[]): string {
  const { trade } = record;
  if (trade.status === "active" && trade.activeAt !== undefined) return record.enteredStatusAt;
  const last = history[history.length - 1];
  return last?.status === trade.status && ms(last.at) < record.enteredStatusAtMs ? last.at : record.enteredStatusAt;
}

export function applySnapshot(state: OpsState, result: SnapshotResult): OpsState {
  const applied = applyResyncTrades(
    state,
    result.trades.map((entry) => entry.trade),
    result.at,
  );
  let next = applied.state;
  // Second pass: the recorded histories. Only records that actually change are replaced.
  const table = writableTable(next.trades);
  let touched = false;
  for (const { trade, history } of result.trades) {
    const record = table.get(trade.id);
    if (!record || history.length === 0) continue;
    const merged = mergeStatusHistories(record.history, history);
    if (sameHistory(merged, record.history)) continue;
    const enteredStatusAt = enteredAt(record, merged);
    table.set(trade.id, { ...record, history: merged, enteredStatusAt, enteredStatusAtMs: ms(enteredStatusAt) });
    touched = true;
  }
  if (touched) next = { ...next, tradesVersion: next.tradesVersion + 1 };
  next = markTradesMissing(next, result.trades.flatMap((entry) => (entry.missing ? [entry.trade.id] : [])));
  const { funding } = applyFundingBatch(next.funding, result.funding);
  return funding === next.funding ? next : { ...next, funding };
}
