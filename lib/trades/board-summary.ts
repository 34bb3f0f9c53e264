// Everything the board shows about the trades it holds, from ONE pass over them: facet counts for the
// filter chips, money in hold per game, in-flight / stalled / unverified counts for the KPI strip, and
// the ids matching the current filter in display order. Pure; recomputed when the store's
// tradesVersion, the filter, the sort or the coarse stall clock changes — never per row or per second.
//
// Why an index of flat entries: stored records come from several code paths (wire parsing with
// optional fields, spread copies), so their shapes differ and a loop over 100,000 of them runs on slow,
// megamorphic property reads. Each record is flattened once into a same-shaped entry (records are
// immutable, so the entry never goes stale) and every pass reads only entries. The stall window (when
// the trade entered its status, how long it may stay) does not depend on the clock, so it is worked out
// once here too and each pass's stall check is a subtraction. Semantics match lib/trades/trade-filter,
// lib/trades/sort and assessStall exactly (see the tests).
import type { TradeFacets } from "./facets";
import { normalizeSearch } from "./search-text";
import type { TradeSortKey } from "./sort";
import { assessStall, enteredStatusMs, type StallLimits } from "./stall-rules";
import { isTerminalStatus } from "./status-classes";
import type { TradeFilter } from "./trade-filter";
import { TRADE_STATUSES, type Game, type Trade, type TradeStatus, type TradeType } from "./types";

/** What the board needs of a stored record (the store's StoredTrade fits). */
export interface BoardRecord {
  trade: Trade;
  searchText: string;
  enteredStatusAt: string;
  updatedAtMs: number;
  enteredStatusAtMs: number;
  verified: boolean;
}

export interface BoardSummary {
  facets: TradeFacets;
  /** Sum of totalPrice (USD dollars) of trades in hold or escrow, per game; summed in cents. */
  inHoldUsd: Record<Game, number>;
  inHoldCount: Record<Game, number>;
  /** Trades not in a terminal status (unknown counts as in flight). */
  inFlight: number;
  /** In-flight trades not confirmed against AssetPay since the last disconnect. */
  unverified: number;
  /** Ids matching the filter, in display order. */
  ids: string[];
}

interface BoardEntry {
  id: string;
  game: Game;
  status: TradeStatus;
  type: TradeType;
  totalPrice: number;
  holdCents: number;
  updatedAtMs: number;
  enteredStatusAtMs: number;
  searchText: string;
  inFlight: boolean;
  inHold: boolean;
  verified: boolean;
  stallFromMs: number;
  /** Infinity when no stall rule applies (terminal, unknown entry time). */
  stallLimitMs: number;
}

function byId(a: BoardEntry, b: BoardEntry): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const COMPARE: Readonly<Record<TradeSortKey, (a: BoardEntry, b: BoardEntry) => number>> = {
  activity: (a, b) => b.updatedAtMs - a.updatedAtMs || byId(a, b),
  age: (a, b) => a.enteredStatusAtMs - b.enteredStatusAtMs || byId(a, b),
  value: (a, b) => b.totalPrice - a.totalPrice || byId(a, b),
};

function emptyFacets(): TradeFacets {
  const statuses = {} as Record<TradeStatus, number>;
  for (const s of TRADE_STATUSES) statuses[s] = 0;
  return { total: 0, games: { cs2: 0, rust: 0, other: 0 }, statuses, types: { deposit: 0, withdraw: 0 }, stalled: 0 };
}

function toEntry(record: BoardRecord, limits: StallLimits): BoardEntry {
  const trade = record.trade;
  const inFlight = !isTerminalStatus(trade.status);
  let stallFromMs = 0;
  let stallLimitMs = Number.POSITIVE_INFINITY;
  if (inFlight) {
    const entered = enteredStatusMs(trade, record.enteredStatusAt);
    const limit = entered === null ? null : assessStall(trade, record.enteredStatusAt, entered, limits).limitMs;
    if (entered !== null && limit !== null) {
      stallFromMs = entered;
      stallLimitMs = limit;
    }
  }
  const inHold = inFlight && (trade.status === "hold" || trade.status === "escrow");
  return {
    id: trade.id,
    game: trade.game,
    status: trade.status,
    type: trade.type,
    totalPrice: trade.totalPrice,
    holdCents: inHold && Number.isFinite(trade.totalPrice) ? Math.round(trade.totalPrice * 100) : 0,
    updatedAtMs: record.updatedAtMs,
    enteredStatusAtMs: record.enteredStatusAtMs,
    searchText: record.searchText,
    inFlight,
    inHold,
    verified: record.verified,
    stallFromMs,
    stallLimitMs,
  };
}

function sizeOf<T>(values: ReadonlySet<T> | readonly T[]): number {
  return values instanceof Set ? values.size : (values as readonly T[]).length;
}

export type BoardSummarizer = (records: Iterable<BoardRecord>, nowMs: number, filter: TradeFilter, sort: TradeSortKey) => BoardSummary;

/** A summarizer for one set of stall limits; keep it (and its per-record cache) while they stay the same. */
export function createBoardSummarizer(limits: StallLimits): BoardSummarizer {
  const entries = new WeakMap<BoardRecord, BoardEntry>();
  const entryOf = (record: BoardRecord): BoardEntry => {
    let entry = entries.get(record);
    if (entry === undefined) {
      entry = toEntry(record, limits);
      entries.set(record, entry);
    }
    return entry;
  };

  return (records, nowMs, filter, sort) => {
    const facets = emptyFacets();
    const holdCents: Record<Game, number> = { cs2: 0, rust: 0, other: 0 };
    const inHoldCount: Record<Game, number> = { cs2: 0, rust: 0, other: 0 };
    let inFlight = 0;
    let unverified = 0;
    const game = filter.game;
    const statuses = sizeOf(filter.statuses) > 0 ? new Set(filter.statuses) : null;
    const types = sizeOf(filter.types) > 0 ? new Set(filter.types) : null;
    const stalledOnly = filter.stalledOnly;
    const query = normalizeSearch(filter.search);
    const matching: BoardEntry[] = [];
    for (const record of records) {
      const e = entryOf(record);
      const stalled = Math.max(0, nowMs - e.stallFromMs) > e.stallLimitMs;
      facets.total += 1;
      facets.games[e.game] += 1;
      facets.statuses[e.status] += 1;
      facets.types[e.type] += 1;
      if (stalled) facets.stalled += 1;
      if (e.inFlight) {
        inFlight += 1;
        if (!e.verified) unverified += 1;
        if (e.inHold) {
          inHoldCount[e.game] += 1;
          holdCents[e.game] += e.holdCents;
        }
      }
      if (game !== "all" && e.game !== game) continue;
      if (statuses !== null && !statuses.has(e.status)) continue;
      if (types !== null && !types.has(e.type)) continue;
      if (stalledOnly && !stalled) continue;
      if (query !== "" && !e.searchText.includes(query)) continue;
      matching.push(e);
    }
    matching.sort(COMPARE[sort]);
    const ids = new Array<string>(matching.length);
    for (let i = 0; i < matching.length; i += 1) ids[i] = (matching[i] as BoardEntry).id;
    return {
      facets,
      inHoldUsd: { cs2: holdCents.cs2 / 100, rust: holdCents.rust / 100, other: holdCents.other / 100 },
      inHoldCount,
      inFlight,
      unverified,
      ids,
    };
  };
}
