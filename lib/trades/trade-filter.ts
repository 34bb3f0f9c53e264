// The trade board's filter model and matching. Pure; built for 100,000 trades per pass: compile the
// filter once (sets, lowercased query), then test each record with cached search text.
// Never lowercases per trade here — `searchText` is precomputed by the store.
import { buildSearchText, normalizeSearch } from "./search-text";
import type { Trade, TradeStatus, TradeType } from "./types";

export type GameFilter = "all" | "cs2" | "rust";

export interface TradeFilter {
  game: GameFilter;
  /** Empty = every status. */
  statuses: ReadonlySet<TradeStatus> | readonly TradeStatus[];
  /** Empty = both types. */
  types: ReadonlySet<TradeType> | readonly TradeType[];
  stalledOnly: boolean;
  search: string;
}

export const DEFAULT_TRADE_FILTER: Readonly<TradeFilter> = Object.freeze({
  game: "all",
  statuses: [],
  types: [],
  stalledOnly: false,
  search: "",
});

/** Anything with a trade and its cached lowercase search text (the store's StoredTrade fits). */
export interface SearchableTrade {
  trade: Trade;
  searchText: string;
}

export type TradeMatcher = (record: SearchableTrade, stalled: boolean) => boolean;

function sizeOf<T>(values: ReadonlySet<T> | readonly T[]): number {
  return values instanceof Set ? values.size : (values as readonly T[]).length;
}

export function isDefaultFilter(filter: TradeFilter): boolean {
  return (
    filter.game === "all" &&
    sizeOf(filter.statuses) === 0 &&
    sizeOf(filter.types) === 0 &&
    !filter.stalledOnly &&
    normalizeSearch(filter.search) === ""
  );
}

/** Precomputes everything per filter so the per-trade test is a few comparisons. */
export function compileFilter(filter: TradeFilter): TradeMatcher {
  const game = filter.game;
  const statuses = sizeOf(filter.statuses) > 0 ? new Set(filter.statuses) : null;
  const types = sizeOf(filter.types) > 0 ? new Set(filter.types) : null;
  const stalledOnly = filter.stalledOnly;
  const query = normalizeSearch(filter.search);
  return (record, stalled) => {
    const trade = record.trade;
    if (game !== "all" && trade.game !== game) return false;
    if (statuses && !statuses.has(trade.status)) return false;
    if (types && !types.has(trade.type)) return false;
    if (stalledOnly && !stalled) return false;
    return query === "" || record.searchText.includes(query);
  };
}

/** One-off check; for many trades use `compileFilter` once and reuse the matcher. */
export function matchesFilter(
  record: SearchableTrade | Trade,
  stallInfo: { stalled: boolean } | boolean,
  filter: TradeFilter,
): boolean {
  const searchable: SearchableTrade =
    "searchText" in record ? record : { trade: record, searchText: buildSearchText(record) };
  const stalled = typeof stallInfo === "boolean" ? stallInfo : stallInfo.stalled;
  return compileFilter(filter)(searchable, stalled);
}
