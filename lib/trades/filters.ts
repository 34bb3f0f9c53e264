// Public entry for the trade board's filtering, facet counting and sorting (the pieces live in small
// files beside this one). Pure, no I/O; import from here in components.
export { DEFAULT_TRADE_FILTER, compileFilter, isDefaultFilter, matchesFilter } from "./trade-filter";
export type { GameFilter, SearchableTrade, TradeFilter, TradeMatcher } from "./trade-filter";
export { countFacets, summarizeTrades } from "./facets";
export type { TradeFacets, TradeSummary } from "./facets";
export { TRADE_SORTS, compareByAgeInStatus, compareByNewestActivity, compareByValue } from "./sort";
export type { SortableTrade, TradeSortKey } from "./sort";
export { buildSearchText, normalizeSearch } from "./search-text";
