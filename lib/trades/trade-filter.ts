// The trade board's filter: what the chips, the search box and the URL choose (game, statuses, types,
// stalled only, search; plus the ids an alerts view narrows to), and its compiled form, which
// lib/trades/board-summary.ts tests each trade against. Pure. Compile once per filter (sets, lowercased query) so the per-trade test is a few
// comparisons; it never lowercases per trade: the search text is built once per trade change.
import { type ExposureFacts, type ExposureSelection, type ExposureWindow, matchesExposure } from "./exposure";
import { normalizeSearch } from "./search-text";
import type { Game, TradeStatus, TradeType } from "./types";

export type GameFilter = "all" | "cs2" | "rust";

export interface TradeFilter {
  game: GameFilter;
  /** Empty = every status. */
  statuses: ReadonlySet<TradeStatus> | readonly TradeStatus[];
  /** Empty = both types. */
  types: ReadonlySet<TradeType> | readonly TradeType[];
  stalledOnly: boolean;
  search: string;
  /** Only these trade ids (the board's "Needs attention" and "Assigned to me" views); null or absent = any. */
  onlyIds?: ReadonlySet<string> | null;
  /** Only the trades behind one Exposure figure (./exposure), counted against `exposureWindow`; null or absent = any. */
  exposure?: ExposureSelection | null;
  /** The calendar the exposure filter counts "today" and release days in; without one it selects nothing. */
  exposureWindow?: ExposureWindow | null;
}

export const DEFAULT_TRADE_FILTER: Readonly<TradeFilter> = Object.freeze({
  game: "all",
  statuses: [],
  types: [],
  stalledOnly: false,
  search: "",
});

/** What the filter reads of a trade; `searchText` is lowercase (see ./search-text). */
export interface FilterableTrade {
  id: string;
  game: Game;
  status: TradeStatus;
  type: TradeType;
  searchText: string;
  /** What the exposure filter reads (./exposure exposureFactsOf); absent = in no Exposure figure. */
  exposure?: ExposureFacts;
}

/**
 * The parts of a filter a trade can fail, as bits, so a facet can count "every other filter but mine":
 * the game chips ignore GAME, the status chips STATUS, the type chips TYPE. Search and the alerts views
 * (REST) apply to every facet. The stall verdict is the caller's (it moves with the clock).
 */
export const FILTER_PART = { game: 1, status: 2, type: 4, rest: 8 } as const;

export interface CompiledFilter {
  /** The same for two filters that select the same trades, stalledOnly aside. */
  key: string;
  stalledOnly: boolean;
  /** Everything but the stall verdict, the one part that moves with the clock (the caller judges it). */
  matches(trade: FilterableTrade): boolean;
  /** The FILTER_PART bits this trade fails (0 when it matches). */
  misses(trade: FilterableTrade): number;
}

function sizeOf<T>(values: ReadonlySet<T> | readonly T[]): number {
  return values instanceof Set ? values.size : (values as readonly T[]).length;
}

export function compileFilter(filter: TradeFilter): CompiledFilter {
  const game = filter.game;
  const statuses = sizeOf(filter.statuses) > 0 ? new Set(filter.statuses) : null;
  const types = sizeOf(filter.types) > 0 ? new Set(filter.types) : null;
  const query = normalizeSearch(filter.search);
  const only = filter.onlyIds ?? null;
  const exposure = filter.exposure ?? null;
  const window = filter.exposureWindow ?? null;
  const inExposure = (t: FilterableTrade): boolean =>
    exposure === null || (window !== null && t.exposure !== undefined && matchesExposure(t.exposure, exposure, window));
  const misses = (t: FilterableTrade): number =>
    (game === "all" || t.game === game ? 0 : FILTER_PART.game) |
    (statuses === null || statuses.has(t.status) ? 0 : FILTER_PART.status) |
    (types === null || types.has(t.type) ? 0 : FILTER_PART.type) |
    ((query === "" || t.searchText.includes(query)) && (only === null || only.has(t.id)) && inExposure(t) ? 0 : FILTER_PART.rest);
  return {
    // Not stalledOnly: the board builds the Stalled view from the stalled trades, so toggling it keeps its list.
    key: JSON.stringify([
      game,
      [...(statuses ?? [])].sort(),
      [...(types ?? [])].sort(),
      query,
      only === null ? null : [...only].sort(),
      // The figure and the day it counts from: a new day (or zone) selects other trades.
      exposure === null ? null : [exposure.kind, exposure.release, exposure.revertedBy, window?.zone ?? null, window?.todayStartMs ?? null],
    ]),
    stalledOnly: filter.stalledOnly,
    matches: (t) =>
      (game === "all" || t.game === game) &&
      (statuses === null || statuses.has(t.status)) &&
      (types === null || types.has(t.type)) &&
      (query === "" || t.searchText.includes(query)) &&
      (only === null || only.has(t.id)) &&
      inExposure(t),
    misses,
  };
}
