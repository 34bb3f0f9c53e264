// The store's trade table: a Map that also journals which ids changed, so readers (the board's
// summarizer) can follow it without walking every entry. Mutated in place by lib/store reducers only.
import type { ChangeJournal } from "@/lib/trades/change-journal";
import type { StoredTrade } from "./state";

/** Enough for several seconds of a very busy feed; a reader further behind looks at everything once. */
export const JOURNAL_LIMIT = 50_000;

export class TradeMap extends Map<string, StoredTrade> implements ChangeJournal {
  // Not class fields: Map's constructor calls `set` before fields would be initialised.
  private journal: string[] | undefined;
  private journalStart = 0;

  private note(id: string): void {
    this.journal ??= [];
    this.journal.push(id);
    if (this.journal.length > JOURNAL_LIMIT) {
      // Drop the older half at once: trimming one at a time would shift the array on every change.
      const drop = this.journal.length - JOURNAL_LIMIT / 2;
      this.journal.splice(0, drop);
      this.journalStart += drop;
    }
  }

  override set(id: string, record: StoredTrade): this {
    this.note(id);
    return super.set(id, record);
  }

  override delete(id: string): boolean {
    const had = super.delete(id);
    if (had) this.note(id);
    return had;
  }

  override clear(): void {
    for (const id of this.keys()) this.note(id);
    super.clear();
  }

  get changeCursor(): number {
    return this.journalStart + (this.journal?.length ?? 0);
  }

  changedSince(cursor: number): readonly string[] | null {
    if (cursor < this.journalStart || cursor > this.changeCursor) return null;
    return (this.journal ?? []).slice(cursor - this.journalStart);
  }
}

/** The one place the read-only view is turned back into the table: reducers in lib/store only. */
export function writableTable(trades: ReadonlyMap<string, StoredTrade> & ChangeJournal): TradeMap {
  if (!(trades instanceof TradeMap)) throw new TypeError("the store's trades must be a TradeMap");
  return trades;
}
