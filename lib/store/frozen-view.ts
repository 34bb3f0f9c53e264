// The board's pause buffer: what the trade table shows while live updates are paused. The store keeps
// ingesting (counts, alerts and feeds stay live); the table shows the ids, in their order, and each
// trade's record as they were when the pause began. Records are immutable (a change makes a new object),
// so keeping references is enough and "changed since the pause" is an identity check. Pure; no React.
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
 * How many distinct trades releasing the pause would change on screen: shown ones that changed or left
 * the store since the freeze, plus those the live view (`liveIds`, the same filter now) has and the
 * frozen one lacks. Trades the view neither shows nor would show are not counted.
 */
export function countPendingUpdates(view: FrozenView, liveIds: readonly string[], trades: ReadonlyMap<string, StoredTrade>): number {
  let pending = 0;
  for (const [id, record] of view.records) if (trades.get(id) !== record) pending += 1;
  for (const id of liveIds) if (!view.records.has(id)) pending += 1;
  return pending;
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
