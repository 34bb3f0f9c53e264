// The trade board's sort orders. The comparators read precomputed milliseconds (the store parses each
// ISO time once), so sorting 100,000 trades never calls Date.parse. Ties break on id, so the order is
// total and stable. Pure; lib/trades/board-summary.ts sorts with these.

export type TradeSortKey = "activity" | "age" | "value";

/** What the comparators read of a trade. */
export interface SortableTrade {
  id: string;
  updatedAtMs: number;
  enteredStatusAtMs: number;
  totalPrice: number;
}

export type TradeComparator = (a: SortableTrade, b: SortableTrade) => number;

function byId(a: SortableTrade, b: SortableTrade): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export const TRADE_COMPARATORS: Readonly<Record<TradeSortKey, TradeComparator>> = {
  /** Newest activity (updatedAt) first: the default. */
  activity: (a, b) => b.updatedAtMs - a.updatedAtMs || byId(a, b),
  /** Longest in its current status first (earliest entered-status time). */
  age: (a, b) => a.enteredStatusAtMs - b.enteredStatusAtMs || byId(a, b),
  /** Highest totalPrice first. */
  value: (a, b) => b.totalPrice - a.totalPrice || byId(a, b),
};
