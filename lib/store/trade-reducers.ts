// Pure-ish reducers over the trades table: apply a batch, enforce the retention cap, mark unverified.
// Each returns a new OpsState object; the `trades` Map itself is mutated in place and `tradesVersion`
// bumped (see trade-upsert.ts for why). Callers must not keep using the old state's Map afterwards.
import { isTerminalStatus } from "@/lib/trades/status-classes";
import type { Trade } from "@/lib/trades/types";
import { evictionMs, oldestKeys } from "./eviction";
import type { OpsState, StoredTrade } from "./state";
import { writableTable } from "./trade-map";
import { upsertTrade } from "./trade-upsert";

/** Fraction of the cap freed below it when evicting (0 for small caps: floor(cap × 1 %)). */
export const RETENTION_SLACK = 0.01;

// The reducers write the table the rest of the code sees as read-only.
function tableOf(state: OpsState): Map<string, StoredTrade> {
  return writableTable(state.trades);
}

export interface TradeBatchCounts {
  changed: number;
  duplicates: number;
  stale: number;
}

interface BatchOptions {
  observedAt: number;
  /** Resync rows confirm a trade even when we already hold newer data; live duplicates confirm too. */
  confirmStale: boolean;
}

function applyBatch(state: OpsState, trades: readonly Trade[], opts: BatchOptions): { state: OpsState; counts: TradeBatchCounts } {
  const table = tableOf(state);
  const counts: TradeBatchCounts = { changed: 0, duplicates: 0, stale: 0 };
  let terminalCount = state.retention.terminalCount;
  let touched = false;
  const confirm = { onDuplicate: true, onStale: opts.confirmStale };
  for (const trade of trades) {
    const result = upsertTrade(table, trade, opts.observedAt, confirm);
    terminalCount += result.terminalDelta;
    touched ||= result.touched;
    if (result.outcome === "duplicate") counts.duplicates += 1;
    else if (result.outcome === "stale") counts.stale += 1;
    else counts.changed += 1;
  }
  if (!touched) return { state, counts };
  const next: OpsState = {
    ...state,
    tradesVersion: state.tradesVersion + 1,
    retention: { ...state.retention, terminalCount },
  };
  return { state: enforceRetention(next), counts };
}

/**
 * Applies live trade events (already parsed). Newer-only by updatedAt: duplicates and stale versions
 * are ignored and counted in diagnostics; each applied status change appends to the trade's history.
 */
export function applyTradeEvents(state: OpsState, trades: readonly Trade[], nowMs: number): OpsState {
  if (trades.length === 0) return state;
  const { state: next, counts } = applyBatch(state, trades, { observedAt: nowMs, confirmStale: false });
  if (counts.duplicates === 0 && counts.stale === 0) return next;
  return {
    ...next,
    diagnostics: {
      ...next.diagnostics,
      duplicatesIgnored: next.diagnostics.duplicatesIgnored + counts.duplicates,
      staleIgnored: next.diagnostics.staleIgnored + counts.stale,
    },
  };
}

/** Same rules for REST backfill, without counting duplicates (expected there); every row is confirmed. */
export function applyResyncTrades(state: OpsState, trades: readonly Trade[], nowMs: number): { state: OpsState; changed: number } {
  const { state: next, counts } = applyBatch(state, trades, { observedAt: nowMs, confirmStale: true });
  return { state: next, changed: counts.changed };
}

/**
 * Evicts the oldest terminal trades (by updatedAt; recent reversals last, see evictionMs) once there are more than the cap. Finding them
 * walks every trade (~30 ms at 100,000 here), so when over the cap we evict down to 1 % below it:
 * a full table then pays that walk once per ~1,000 newly terminal trades, not on every batch.
 */
export function enforceRetention(state: OpsState): OpsState {
  const { cap, terminalCount } = state.retention;
  if (terminalCount <= cap) return state;
  const target = cap - Math.floor(cap * RETENTION_SLACK);
  const table = tableOf(state);
  const terminal: { key: string; ms: number }[] = [];
  for (const [key, record] of table) {
    if (isTerminalStatus(record.trade.status)) terminal.push({ key, ms: evictionMs(record.trade.status, record.updatedAtMs, state.now) });
  }
  const victims = oldestKeys(terminal, terminalCount - target);
  for (const key of victims) table.delete(key);
  return {
    ...state,
    tradesVersion: state.tradesVersion + 1,
    retention: {
      cap,
      evicted: state.retention.evicted + victims.length,
      terminalCount: terminalCount - victims.length,
    },
  };
}

/** After a disconnect: every in-flight trade may have moved without us hearing about it. */
export function markUnverified(state: OpsState): OpsState {
  const table = tableOf(state);
  let touched = false;
  for (const [key, record] of table) {
    if (record.verified && !isTerminalStatus(record.trade.status)) {
      table.set(key, { ...record, verified: false });
      touched = true;
    }
  }
  return touched ? { ...state, tradesVersion: state.tradesVersion + 1 } : state;
}

export function setRetentionCap(state: OpsState, cap: number): OpsState {
  return enforceRetention({ ...state, retention: { ...state.retention, cap } });
}
