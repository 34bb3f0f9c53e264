// A deliberately naive TEST ORACLE for ./board-summary.ts; only tests import it, never app code.
// It answers the same question as the board's engine — facets, money in hold, in-flight, unverified and
// the ids to show — the slowest obvious way: every call reads every record from scratch, judges each
// stall with assessStall at `nowMs`, and filters and sorts with its own code, not the engine's
// ./trade-filter or ./trade-sort. The engine is fast and incremental; this is easy to read and check by
// eye, so when the two disagree the engine is the suspect.
import type { BoardRecord, BoardSummary } from "./board-summary";
import { type StallLimits, assessStall } from "./stall-rules";
import { isTerminalStatus } from "./status-classes";
import type { TradeFilter } from "./trade-filter";
import type { TradeSortKey } from "./trade-sort";
import { TRADE_STATUSES, type TradeStatus } from "./types";

function wanted<T>(chosen: ReadonlySet<T> | readonly T[], value: T): boolean {
  const list = [...chosen];
  return list.length === 0 || list.includes(value);
}

type Part = "game" | "status" | "type" | "stalled";

/** Whether the filter shows this record, leaving out the part named by `ignoring` (a chip's own). */
function shows(record: BoardRecord, stalled: boolean, filter: TradeFilter, ignoring?: Part): boolean {
  const { trade } = record;
  const query = filter.search.trim().toLowerCase();
  if (ignoring !== "game" && filter.game !== "all" && trade.game !== filter.game) return false;
  if (ignoring !== "status" && !wanted(filter.statuses, trade.status)) return false;
  if (ignoring !== "type" && !wanted(filter.types, trade.type)) return false;
  if (ignoring !== "stalled" && filter.stalledOnly && !stalled) return false;
  if (filter.onlyIds && !filter.onlyIds.has(trade.id)) return false;
  return query === "" || record.searchText.includes(query);
}

function sortValue(record: BoardRecord, sort: TradeSortKey): number {
  // Larger first for every order: newest activity, longest in status, highest value.
  if (sort === "activity") return record.updatedAtMs;
  if (sort === "age") return -record.enteredStatusAtMs;
  return record.trade.totalPrice;
}

function inDisplayOrder(records: BoardRecord[], sort: TradeSortKey): BoardRecord[] {
  return records.sort((a, b) => {
    const byValue = sortValue(b, sort) - sortValue(a, sort);
    if (byValue) return byValue; // 0, or NaN from a missing figure: a tie, broken by id
    return a.trade.id < b.trade.id ? -1 : a.trade.id > b.trade.id ? 1 : 0;
  });
}

export function naiveBoardSummary(
  records: Iterable<BoardRecord>,
  nowMs: number,
  filter: TradeFilter,
  sort: TradeSortKey,
  limits: StallLimits,
): BoardSummary {
  const statuses = Object.fromEntries(TRADE_STATUSES.map((status) => [status, 0])) as Record<TradeStatus, number>;
  const summary: BoardSummary = {
    stalled: 0,
    facets: { total: 0, games: { cs2: 0, rust: 0, other: 0 }, statuses, types: { deposit: 0, withdraw: 0 }, stalled: 0 },
    inHoldUsd: { cs2: 0, rust: 0, other: 0 },
    inHoldCount: { cs2: 0, rust: 0, other: 0 },
    inFlight: 0,
    unverified: 0,
    ids: [],
  };
  const holdCents = { cs2: 0, rust: 0, other: 0 };
  const shown: BoardRecord[] = [];
  const overBy = new Map<BoardRecord, number>();
  for (const record of records) {
    const { trade } = record;
    // A trade AssetPay no longer knows is shown but never stalled or in flight.
    const missing = record.missing === true;
    const assessment = assessStall(trade, record.enteredStatusAt, nowMs, limits);
    const stalled = !missing && assessment.stalled;
    overBy.set(record, assessment.overByMs);
    summary.facets.total += 1;
    if (stalled) summary.stalled += 1;
    // Each chip counts within every other active filter, not its own.
    if (shows(record, stalled, filter, "game")) summary.facets.games[trade.game] += 1;
    if (shows(record, stalled, filter, "status")) summary.facets.statuses[trade.status] += 1;
    if (shows(record, stalled, filter, "type")) summary.facets.types[trade.type] += 1;
    if (stalled && shows(record, stalled, filter, "stalled")) summary.facets.stalled += 1;
    if (!isTerminalStatus(trade.status) && !missing) {
      summary.inFlight += 1;
      if (!record.verified) summary.unverified += 1;
      if (trade.status === "hold" || trade.status === "escrow") {
        summary.inHoldCount[trade.game] += 1;
        // In whole cents, so the sum has no float drift.
        if (Number.isFinite(trade.totalPrice)) holdCents[trade.game] += Math.round(trade.totalPrice * 100);
      }
    }
    if (shows(record, stalled, filter)) shown.push(record);
  }
  summary.inHoldUsd = { cs2: holdCents.cs2 / 100, rust: holdCents.rust / 100, other: holdCents.other / 100 };
  // The Stalled view in its default order: furthest past its limit first.
  const ordered =
    filter.stalledOnly && sort === "activity"
      ? shown.sort((a, b) => (overBy.get(b) ?? 0) - (overBy.get(a) ?? 0) || (a.trade.id < b.trade.id ? -1 : a.trade.id > b.trade.id ? 1 : 0))
      : inDisplayOrder(shown, sort);
  summary.ids = ordered.map((record) => record.trade.id);
  return summary;
}
