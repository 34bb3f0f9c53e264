// Everything the board shows about the trades it holds: facet counts for the filter chips, money in
// hold per game, in-flight / stalled / unverified counts for the KPI strip, and the ids matching the
// current filter in display order. Asked again when the store's tradesVersion, the filter, the sort or
// the coarse stall clock changes — never per row or per second.
//
// Incremental, because a full pass over 100,000 trades (filter + sort) took 60-130 ms: run a few times a
// second under a busy socket, those were long tasks that held back every painted row. The summarizer
// remembers the previous pass: each call walks the Map once comparing record identities (records are
// immutable; a changed trade is a new object), adjusts the counts by the few that changed, and merges
// those into the previous sorted list. Only a new filter or sort (a click) rebuilds the list from
// scratch. Stall verdicts depend on the clock: they are judged again over in-flight trades only when
// the clock reading passed in changes, and the "Stalled" view is built from the stalled ones.
//
// Why an index of flat entries: stored records come from several code paths (wire parsing with
// optional fields, spread copies), so their shapes differ and a loop over 100,000 of them runs on slow,
// megamorphic property reads. Each record is flattened once into a same-shaped entry (records are
// immutable, so the entry never goes stale) and every pass reads only entries. The stall window (when
// the trade entered its status, how long it may stay) does not depend on the clock, so it is worked out
// once here too and each pass's stall check is a subtraction.
//
// This is the board's only engine: the filter and the sort orders it applies are ./trade-filter and
// ./trade-sort. Its tests hold it to a deliberately naive oracle (./board-oracle.testing.ts).
import { hasChangeJournal } from "./change-journal";
import { type ExposureFacts, exposureFactsOf } from "./exposure";
import { assessStall, enteredStatusMs, type StallLimits } from "./stall-rules";
import { isTerminalStatus } from "./status-classes";
import { type CompiledFilter, FILTER_PART, type TradeFilter, compileFilter } from "./trade-filter";
import { TRADE_COMPARATORS, type TradeSortKey } from "./trade-sort";
import { TRADE_STATUSES, type Game, type Trade, type TradeStatus, type TradeType } from "./types";

/** What the board needs of a stored record (the store's StoredTrade fits). */
export interface BoardRecord {
  trade: Trade;
  searchText: string;
  enteredStatusAt: string;
  updatedAtMs: number;
  enteredStatusAtMs: number;
  verified: boolean;
  /** AssetPay no longer knows the trade: shown, but never in flight (so never stalled, held or unverified). */
  missing?: boolean;
}

/**
 * What the filter chips show: each chip's count applies every other active filter but its own (with
 * Rust chosen, "On hold N" counts Rust holds only; the game chips ignore the game chosen), so the number
 * a person reads is what the click will show. `total` is every trade held, whatever the filter.
 */
export interface TradeFacets {
  total: number;
  games: Record<Game, number>;
  statuses: Record<TradeStatus, number>;
  types: Record<TradeType, number>;
  /** Stalled trades matching every other active filter (game, type, status, search, alerts views). */
  stalled: number;
}

export interface BoardSummary {
  facets: TradeFacets;
  /** Stalled trades among everything held, whatever the filter (the KPI strip's count). */
  stalled: number;
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
  /** What the Exposure filter reads (./exposure), worked out once per record like the rest. */
  exposure: ExposureFacts;
}

type Comparator = (x: BoardEntry, y: BoardEntry) => number;

function emptyFacets(): TradeFacets {
  const statuses = {} as Record<TradeStatus, number>;
  for (const s of TRADE_STATUSES) statuses[s] = 0;
  return { total: 0, games: { cs2: 0, rust: 0, other: 0 }, statuses, types: { deposit: 0, withdraw: 0 }, stalled: 0 };
}

function toEntry(record: BoardRecord, limits: StallLimits): BoardEntry {
  const trade = record.trade;
  const inFlight = !isTerminalStatus(trade.status) && record.missing !== true;
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
    exposure: exposureFactsOf(trade, record.missing === true),
  };
}

export type BoardSummarizer = (
  records: ReadonlyMap<string, BoardRecord>,
  nowMs: number,
  filter: TradeFilter,
  sort: TradeSortKey,
) => BoardSummary;

interface Slot {
  record: BoardRecord;
  entry: BoardEntry;
  /** The pass that last saw this id in the Map; older means the trade was removed. */
  seen: number;
}

/** Counts that only change when a trade changes (everything but the stall verdicts). */
interface Totals {
  total: number;
  holdCents: Record<Game, number>;
  inHoldCount: Record<Game, number>;
  inFlight: number;
  unverified: number;
}

function emptyTotals(): Totals {
  return { total: 0, holdCents: { cs2: 0, rust: 0, other: 0 }, inHoldCount: { cs2: 0, rust: 0, other: 0 }, inFlight: 0, unverified: 0 };
}

/** Adds (sign 1) or removes (sign -1) one entry's share of the totals. */
function count(t: Totals, e: BoardEntry, sign: 1 | -1): void {
  t.total += sign;
  if (!e.inFlight) return;
  t.inFlight += sign;
  if (!e.verified) t.unverified += sign;
  if (e.inHold) {
    t.inHoldCount[e.game] += sign;
    t.holdCents[e.game] += sign * e.holdCents;
  }
}

/** The chip counts an entry adds to, given the filter parts it fails: each chip ignores its own part. */
interface ChipCounts {
  games: Record<Game, number>;
  statuses: Record<TradeStatus, number>;
  types: Record<TradeType, number>;
}

function emptyChipCounts(): ChipCounts {
  const { games, statuses, types } = emptyFacets();
  return { games, statuses, types };
}

function countChips(c: ChipCounts, e: BoardEntry, misses: number, sign: 1 | -1): void {
  if ((misses & ~FILTER_PART.game) === 0) c.games[e.game] += sign;
  if ((misses & ~FILTER_PART.status) === 0) c.statuses[e.status] += sign;
  if ((misses & ~FILTER_PART.type) === 0) c.types[e.type] += sign;
}

/** The Stalled view's default order: the trade stalled longest ago (limit passed earliest) first. */
function byStalledLongest(a: BoardEntry, b: BoardEntry): number {
  return a.stallFromMs + a.stallLimitMs - (b.stallFromMs + b.stallLimitMs) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function isStalled(e: BoardEntry, nowMs: number): boolean {
  return Math.max(0, nowMs - e.stallFromMs) > e.stallLimitMs;
}

/** More changes than this in one pass and the list is rebuilt rather than edited in place. */
const MAX_SPLICED_EDITS = 10_000;

/** First index in sorted `list` whose entry does not sort before `e`. */
function lowerBound(list: readonly BoardEntry[], e: BoardEntry, compare: Comparator): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid] as BoardEntry, e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The sorted list (and its parallel ids) without `leaving` and with `arriving` in place. Positions are
 * found by binary search and the rest is copied as references: reading 100,000 entries scattered in
 * memory (to test a flag, or to merge) cost ~10 ms per pass in cache misses alone; this reads ~17 per change.
 */
function spliceSorted(
  list: readonly BoardEntry[],
  ids: readonly string[],
  leaving: readonly BoardEntry[],
  arriving: readonly BoardEntry[],
  compare: Comparator,
): { list: BoardEntry[]; ids: string[] } {
  // Each edit: the old index it applies at; removals name the entry's own index, insertions go before.
  const removeAt: number[] = [];
  for (const e of leaving) {
    let i = lowerBound(list, e, compare);
    while (i < list.length && list[i] !== e) i += 1; // equal keys only with equal ids: at most a step or two
    if (i < list.length) removeAt.push(i);
  }
  removeAt.sort((x, y) => x - y);
  const insert = [...arriving].sort(compare).map((e) => ({ at: lowerBound(list, e, compare), e }));
  // Unchanged runs are copied with slice/concat (native copies of references), edits in between.
  const listParts: BoardEntry[][] = [];
  const idParts: string[][] = [];
  let from = 0;
  let r = 0;
  let k = 0;
  while (r < removeAt.length || k < insert.length) {
    const nextRemove = removeAt[r] ?? Number.POSITIVE_INFINITY;
    const nextInsert = insert[k]?.at ?? Number.POSITIVE_INFINITY;
    const at = Math.min(nextRemove, nextInsert);
    if (at > from) {
      listParts.push(list.slice(from, at));
      idParts.push(ids.slice(from, at));
    }
    from = at;
    if (nextInsert <= nextRemove) {
      const e = (insert[k] as { e: BoardEntry }).e;
      listParts.push([e]);
      idParts.push([e.id]);
      k += 1;
    } else {
      from = at + 1; // skip the removed entry
      r += 1;
    }
  }
  listParts.push(list.slice(from));
  idParts.push(ids.slice(from));
  return { list: ([] as BoardEntry[]).concat(...listParts), ids: ([] as string[]).concat(...idParts) };
}

function idsOf(list: readonly BoardEntry[]): string[] {
  const ids = new Array<string>(list.length);
  for (let i = 0; i < list.length; i += 1) ids[i] = (list[i] as BoardEntry).id;
  return ids;
}

/** A summarizer for one set of stall limits; keep it (and what it remembers) while they stay the same. */
export function createBoardSummarizer(limits: StallLimits): BoardSummarizer {
  const slots = new Map<string, Slot>();
  const totals = emptyTotals();
  /** In-flight entries: the only ones a stall verdict can apply to. */
  const inFlight = new Set<BoardEntry>();
  let pass = 0;
  let listKey: string | null = null;
  /** Entries matching the filter (stall verdict aside), in display order; valid for listKey. */
  let list: BoardEntry[] = [];
  let listIds: string[] = [];
  let lastRecords: ReadonlyMap<string, BoardRecord> | null = null;
  let cursor = 0;
  // Chip counts over every trade held (the Stalled view aside), valid for one compiled filter key:
  // kept up to date by the same leave/join as the totals, counted afresh when the filter changes.
  let chipKey: string | null = null;
  let chips = emptyChipCounts();

  // Stall verdicts at one clock reading, kept until the clock moves: the caller passes a coarse clock
  // (see use-board-summary), so a pass between two readings judges only the trades that changed.
  let stallNow = Number.NaN;
  const stalledSet = new Set<BoardEntry>();
  const judge = (e: BoardEntry) => {
    if (isStalled(e, stallNow)) stalledSet.add(e);
  };

  const add = (e: BoardEntry) => {
    count(totals, e, 1);
    if (!e.inFlight) return;
    inFlight.add(e);
    judge(e);
  };
  const remove = (e: BoardEntry) => {
    count(totals, e, -1);
    inFlight.delete(e);
    stalledSet.delete(e);
  };

  return (records, nowMs, filter, sort) => {
    pass += 1;
    const compiled = compileFilter(filter);
    const compare: Comparator = TRADE_COMPARATORS[sort];
    // The list holds one filter (stalledOnly aside, see compileFilter) in one order.
    const key = `${sort} ${compiled.key}`;
    let rebuild = key !== listKey;
    const leaving: BoardEntry[] = [];
    const arrived: BoardEntry[] = [];

    // An entry leaving or joining the counts; the list is edited afterwards (unless rebuilt anyway).
    const chipsValid = chipKey === compiled.key;
    const leave = (e: BoardEntry) => {
      remove(e);
      if (chipsValid) countChips(chips, e, compiled.misses(e), -1);
      if (!rebuild && compiled.matches(e)) leaving.push(e);
    };
    const join = (e: BoardEntry) => {
      add(e);
      if (chipsValid) countChips(chips, e, compiled.misses(e), 1);
      if (!rebuild && compiled.matches(e)) arrived.push(e);
    };
    const visit = (id: string, record: BoardRecord | undefined) => {
      const slot = slots.get(id);
      if (record === undefined) {
        if (slot === undefined) return;
        slots.delete(id);
        leave(slot.entry);
        return;
      }
      if (slot === undefined) {
        const entry = toEntry(record, limits);
        slots.set(id, { record, entry, seen: pass });
        join(entry);
        return;
      }
      slot.seen = pass;
      if (slot.record === record) return;
      leave(slot.entry);
      slot.record = record;
      slot.entry = toEntry(record, limits);
      join(slot.entry);
    };

    // The same table as last time and it journals its changes: visit only the ids that changed.
    const journal = hasChangeJournal(records) ? records : null;
    const changed = journal !== null && records === lastRecords ? journal.changedSince(cursor) : null;
    if (changed !== null) {
      for (const id of changed) visit(id, records.get(id));
    } else {
      // Otherwise every record, comparing identities; then whatever was not seen has left.
      records.forEach((record, id) => visit(id, record));
      if (slots.size > records.size) {
        for (const [id, slot] of slots) if (slot.seen !== pass) visit(id, undefined);
      }
    }
    lastRecords = records;
    cursor = journal?.changeCursor ?? 0;
    if (!chipsValid) {
      chips = emptyChipCounts();
      for (const slot of slots.values()) countChips(chips, slot.entry, compiled.misses(slot.entry), 1);
      chipKey = compiled.key;
    }
    // A burst (a snapshot, a resync, a reconnect marking everything unverified): sorting afresh is cheaper.
    if (leaving.length + arrived.length > MAX_SPLICED_EDITS) rebuild = true;

    if (rebuild) {
      list = [];
      for (const slot of slots.values()) if (compiled.matches(slot.entry)) list.push(slot.entry);
      list.sort(compare);
      listKey = key;
      listIds = idsOf(list);
    } else if (leaving.length > 0 || arrived.length > 0) {
      ({ list, ids: listIds } = spliceSorted(list, listIds, leaving, arrived, compare));
    }

    if (nowMs !== stallNow) {
      stallNow = nowMs;
      stalledSet.clear();
      for (const e of inFlight) judge(e);
    }
    const { ids, facets } = stalledFacets(compiled, stalledSet, chips, listIds, sort === "activity" ? byStalledLongest : compare);
    const { holdCents, inHoldCount } = totals;
    const summary: BoardSummary = {
      facets: { ...facets, total: totals.total },
      stalled: stalledSet.size,
      inHoldUsd: { cs2: holdCents.cs2 / 100, rust: holdCents.rust / 100, other: holdCents.other / 100 },
      inHoldCount: { ...inHoldCount },
      inFlight: totals.inFlight,
      unverified: totals.unverified,
      ids,
    };
    const thisPass = pass;
    const membership: ViewMembership = {
      cursor: journal === null ? null : cursor,
      byRecordAlone: !compiled.stalledOnly && filter.onlyIds == null,
      includes: (id) => {
        const slot = slots.get(id);
        if (slot === undefined || !compiled.matches(slot.entry)) return false;
        return !compiled.stalledOnly || stalledSet.has(slot.entry);
      },
    };
    // Slots and verdicts move on with the next pass: from then on this summary's membership is unknown.
    memberships.set(summary, () => (pass === thisPass ? membership : null));
    return summary;
  };
}

/** Which trades a summary's view lists, answered without walking its ids (see viewMembership). */
export interface ViewMembership {
  /** Whether the view lists the trade, in O(1). */
  includes(id: string): boolean;
  /** The table's change cursor (lib/trades/change-journal.ts) the pass read up to; null without a journal. */
  cursor: number | null;
  /**
   * True when only a trade's own record decides whether the view lists it; false for the Stalled view
   * (verdicts move with the clock) and the alerts views (their ids move with the alerts).
   */
  byRecordAlone: boolean;
}

const memberships = new WeakMap<BoardSummary, () => ViewMembership | null>();

/**
 * The membership of `summary`'s view while it is still its summarizer's latest pass (the board's
 * paused table counts waiting updates with it, lib/store/frozen-view.ts); null for an older summary or
 * one the summarizer did not make.
 */
export function viewMembership(summary: BoardSummary): ViewMembership | null {
  return memberships.get(summary)?.() ?? null;
}

/**
 * The parts that depend on the stall verdicts, read from the stalled trades alone (few): the Stalled
 * chip's count, and in the Stalled view its rows and the other chips' counts (which then count stalled
 * trades only). The Stalled view lists the longest-stalled first unless another order was chosen.
 */
function stalledFacets(
  compiled: CompiledFilter,
  stalledSet: ReadonlySet<BoardEntry>,
  chips: ChipCounts,
  listIds: string[],
  stalledOrder: Comparator,
): { ids: string[]; facets: Omit<TradeFacets, "total"> } {
  let stalled = 0;
  const shown: BoardEntry[] = [];
  const stalledChips = emptyChipCounts();
  for (const e of stalledSet) {
    const misses = compiled.misses(e);
    if (misses === 0) {
      stalled += 1;
      shown.push(e);
    }
    if (compiled.stalledOnly) countChips(stalledChips, e, misses, 1);
  }
  const from = compiled.stalledOnly ? stalledChips : chips;
  return {
    ids: compiled.stalledOnly ? idsOf(shown.sort(stalledOrder)) : listIds,
    facets: { games: { ...from.games }, statuses: { ...from.statuses }, types: { ...from.types }, stalled },
  };
}
