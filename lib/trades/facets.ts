// Facet counts (per game, status, type, stalled) and the filtered list, in ONE pass over the trades,
// so the board never walks 100,000 trades more than once per render. Pure.
import { type SearchableTrade, type TradeFilter, compileFilter } from "./trade-filter";
import { TRADE_STATUSES, type Game, type TradeStatus, type TradeType } from "./types";

/** Counts over every trade held, regardless of the current filter (what the filter chips show). */
export interface TradeFacets {
  total: number;
  games: Record<Game, number>;
  statuses: Record<TradeStatus, number>;
  types: Record<TradeType, number>;
  stalled: number;
}

export interface TradeSummary<T> {
  facets: TradeFacets;
  /** Records matching the filter, in input order (sort afterwards). */
  matching: T[];
}

function emptyFacets(): TradeFacets {
  const statuses = {} as Record<TradeStatus, number>;
  for (const s of TRADE_STATUSES) statuses[s] = 0;
  return { total: 0, games: { cs2: 0, rust: 0, other: 0 }, statuses, types: { deposit: 0, withdraw: 0 }, stalled: 0 };
}

export function summarizeTrades<T extends SearchableTrade>(
  records: Iterable<T>,
  isStalled: (record: T) => boolean,
  filter: TradeFilter,
): TradeSummary<T> {
  const facets = emptyFacets();
  const matching: T[] = [];
  const matches = compileFilter(filter);
  for (const record of records) {
    const trade = record.trade;
    const stalled = isStalled(record);
    facets.total += 1;
    facets.games[trade.game] += 1;
    facets.statuses[trade.status] += 1;
    facets.types[trade.type] += 1;
    if (stalled) facets.stalled += 1;
    if (matches(record, stalled)) matching.push(record);
  }
  return { facets, matching };
}

export function countFacets<T extends SearchableTrade>(records: Iterable<T>, isStalled: (record: T) => boolean): TradeFacets {
  const facets = emptyFacets();
  for (const record of records) {
    facets.total += 1;
    facets.games[record.trade.game] += 1;
    facets.statuses[record.trade.status] += 1;
    facets.types[record.trade.type] += 1;
    if (isStalled(record)) facets.stalled += 1;
  }
  return facets;
}
