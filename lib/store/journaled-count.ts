// A count over the store's trade table that follows its change journal (lib/trades/change-journal.ts):
// each read judges only the trades changed since the last read. For selectors that run on every store
// update (a paced figure's throttle still evaluates its selector per update to see whether it changed):
// walking 100,000 trades there cost 12 % of the page's main thread at 1,000 events/s (bench/RESULTS.md,
// issue 22). A table without a journal, or one whose journal no longer reaches back, is counted afresh.
import { hasChangeJournal } from "@/lib/trades/change-journal";

export type TableCount<T> = (table: ReadonlyMap<string, T>) => number;

/** Counts the records of a table that `matches`, following each table it is given by its journal. */
export function journaledCount<T>(matches: (record: T) => boolean): TableCount<T> {
  const followed = new WeakMap<ReadonlyMap<string, T>, { cursor: number; ids: Set<string> }>();
  return (table) => {
    if (!hasChangeJournal(table)) {
      let n = 0;
      for (const record of table.values()) if (matches(record)) n += 1;
      return n;
    }
    const known = followed.get(table);
    const changed = known === undefined ? null : table.changedSince(known.cursor);
    if (known === undefined || changed === null) {
      const ids = new Set<string>();
      for (const [id, record] of table) if (matches(record)) ids.add(id);
      followed.set(table, { cursor: table.changeCursor, ids });
      return ids.size;
    }
    for (const id of changed) {
      const record = table.get(id);
      if (record !== undefined && matches(record)) known.ids.add(id);
      else known.ids.delete(id);
    }
    known.cursor = table.changeCursor;
    return known.ids.size;
  };
}
