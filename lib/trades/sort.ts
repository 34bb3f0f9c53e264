// Comparators for the trade board. They read precomputed millisecond fields (the store parses each
// ISO time once) so sorting 100,000 trades never calls Date.parse. Ties break on id for stable order.
import type { Trade } from "./types";

export interface SortableTrade {
  trade: Trade;
  updatedAtMs: number;
  enteredStatusAtMs: number;
}

export type TradeSortKey = "activity" | "age" | "value";

function byId(a: SortableTrade, b: SortableTrade): number {
  return a.trade.id < b.trade.id ? -1 : a.trade.id > b.trade.id ? 1 : 0;
}

/** Default: most recent updatedAt first. */
export function compareByNewestActivity(a: SortableTrade, b: SortableTrade): number {
  return b.updatedAtMs - a.updatedAtMs || byId(a, b);
}

/** Longest in its current status first (earliest entered-status time). */
export function compareByAgeInStatus(a: SortableTrade, b: SortableTrade): number {
  return a.enteredStatusAtMs - b.enteredStatusAtMs || byId(a, b);
}

/** Highest totalPrice first. */
export function compareByValue(a: SortableTrade, b: SortableTrade): number {
  return b.trade.totalPrice - a.trade.totalPrice || byId(a, b);
}

export const TRADE_SORTS: Readonly<Record<TradeSortKey, (a: SortableTrade, b: SortableTrade) => number>> = {
  activity: compareByNewestActivity,
  age: compareByAgeInStatus,
  value: compareByValue,
};
