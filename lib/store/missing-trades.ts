// Trades AssetPay no longer knows (the recorder confirmed each with a single-ref 404): the board keeps
// them for the record, marked missing, and never counts them as stalled or in flight. Finished trades
// are left alone. Pure: returns the same state when nothing changes.
import { isTerminalStatus } from "@/lib/trades/status-classes";
import type { OpsState, RecorderDiagnostics } from "./state";
import { writableTable } from "./trade-map";

export function markTradesMissing(state: OpsState, ids: Iterable<string>): OpsState {
  const table = writableTable(state.trades);
  let touched = false;
  for (const id of ids) {
    const record = table.get(id);
    if (!record || record.missing || isTerminalStatus(record.trade.status)) continue;
    table.set(id, { ...record, missing: true });
    touched = true;
  }
  return touched ? { ...state, tradesVersion: state.tradesVersion + 1 } : state;
}

/** The recorder's health as the board uses it: its diagnostics, and the trades it found missing. */
export interface RecorderFeed {
  diagnostics: RecorderDiagnostics;
  missingIds: readonly string[];
}

export function applyRecorderFeed(state: OpsState, feed: RecorderFeed): OpsState {
  const marked = markTradesMissing(state, feed.missingIds);
  return { ...marked, diagnostics: { ...marked.diagnostics, recorder: feed.diagnostics } };
}
