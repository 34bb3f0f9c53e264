// The board's pause buffer: what the trade table shows while live updates are paused. The store keeps
// ingesting (counts, alerts and feeds stay live); the table shows the ids, in their order, and each
// trade's record as they were when the pause began. Records are immutable (a change makes a new object),
// so keeping references is enough and "changed since the pause" is an identity check. Pure; no React.
import type { ViewMembership } from "@/lib/trades/board-summary";
import type { ChangeJournal } from "@/lib/trades/change-journal";
import type { StoredTrade } from "./state";

export interface FrozenView {
  /** The rows shown, in the order shown. */
  readonly ids: readonly string[];
  /** Each shown trade's record at the pause (absent: it was evicted before the pause). */
  readonly records: ReadonlyMap<string, StoredTrade>;
}

/** Freezes `ids` (the view's rows in display order) with the records the store holds for them now. */
export function freezeView(ids: readonly string[], trades: ReadonlyMap<string, StoredTrade>): FrozenView {
  const records = new Map<string, StoredTrade>();
  for (const id of ids) {
    const record = trades.get(id);
    if (record) records.set(id, record);
  }
  return { ids, records };
}

/**
 * The distinct trades releasing the pause would change on screen: shown ones that changed or left the
 * store since the freeze, plus those the live view (`liveIds`, the same filter now) has and the frozen
 * one lacks. Trades the view neither shows nor would show are not counted. Walks every shown and live
 * trade: the definition, and the fallback of PendingUpdates below, which counts the same incrementally.
 */
export function pendingTradeIds(view: FrozenView, liveIds: readonly string[], trades: ReadonlyMap<string, StoredTrade>): Set<string> {
  const waiting = new Set<string>();
  for (const [id, record] of view.records) if (trades.get(id) !== record) waiting.add(id);
  for (const id of liveIds) if (!view.records.has(id)) waiting.add(id);
  return waiting;
}

export function countPendingUpdates(view: FrozenView, liveIds: readonly string[], trades: ReadonlyMap<string, StoredTrade>): number {
  return pendingTradeIds(view, liveIds, trades).size;
}

/** The live view after a summary pass, as the pending count reads it (lib/trades/board-summary.ts). */
export interface LiveView {
  /** The ids the view lists now, in display order. */
  ids: readonly string[];
  /** O(1) membership of that pass, and the journal cursor it read up to; null when unknown. */
  membership: ViewMembership | null;
}

/**
 * "Show N updates" for one frozen view, kept up to date pass by pass at a cost proportional to the
 * trades that changed, not to the trades held: the same count as pendingTradeIds, which walked ~200,000
 * ids per pass with 100,000 trades held (bench/RESULTS.md, issue 22). Between passes only a changed trade
 * can start or stop waiting: a shown one waits once its record is not the frozen one (records are
 * immutable, so that never reverts), any other once the live view lists it. So each pass judges the ids
 * the table's change journal names since the last pass, up to the cursor that pass read (a trade changed
 * after it is judged by the next pass, which has seen it). It counts afresh when that reasoning does not
 * hold: no journal or membership, a journal that no longer reaches back, a different table, or a view
 * that moves without its trades changing (the Stalled view, the alerts views — short lists).
 */
export class PendingUpdates {
  private readonly waiting = new Set<string>();
  private cursor: number | null;
  private trades: ReadonlyMap<string, StoredTrade> | null;

  /** `live` is the view `view` was frozen from, `trades` the table it was frozen with: nothing waits yet. */
  constructor(
    private readonly view: FrozenView,
    live: LiveView,
    trades: ReadonlyMap<string, StoredTrade> & ChangeJournal,
  ) {
    this.cursor = live.membership?.cursor ?? null;
    this.trades = trades;
  }

  /** The count after a summary pass produced `live` from `trades`. Calling it again for the same pass is harmless. */
  count(live: LiveView, trades: ReadonlyMap<string, StoredTrade> & ChangeJournal): number {
    const membership = live.membership;
    const from = this.cursor;
    if (membership === null || !membership.byRecordAlone || membership.cursor === null || from === null || membership.cursor < from || trades !== this.trades) {
      return this.recount(live, trades);
    }
    const changed = trades.changedSince(from);
    if (changed === null) return this.recount(live, trades);
    const upTo = Math.min(changed.length, membership.cursor - from);
    for (let i = 0; i < upTo; i += 1) {
      const id = changed[i] as string;
      const frozen = this.view.records.get(id);
      const waits = frozen === undefined ? membership.includes(id) : trades.get(id) !== frozen;
      if (waits) this.waiting.add(id);
      else this.waiting.delete(id);
    }
    this.cursor = membership.cursor;
    return this.waiting.size;
  }

  private recount(live: LiveView, trades: ReadonlyMap<string, StoredTrade>): number {
    this.waiting.clear();
    for (const id of pendingTradeIds(this.view, live.ids, trades)) this.waiting.add(id);
    this.cursor = live.membership?.cursor ?? null;
    this.trades = trades;
    return this.waiting.size;
  }
}

/**
 * Ids changed in `trades` since `cursor` (each once), or null when that is unknown (the journal no
 * longer reaches back) or more than `limit`: a bulk load (a snapshot, a resync) is not news to highlight.
 */
export function changedIdsSince(trades: ChangeJournal, cursor: number, limit: number): ReadonlySet<string> | null {
  const changed = trades.changedSince(cursor);
  if (changed === null) return null;
  const ids = new Set(changed);
  return ids.size > limit ? null : ids;
}
