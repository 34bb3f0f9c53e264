// What a batch of trade or funding writes did, row by row: the recorder logs and counts these.
import "server-only";

export interface WriteCounts {
  inserted: number;
  updated: number;
  /** Same or older than what is recorded (duplicates, replays, a second recorder's copy). */
  unchanged: number;
  historyAdded: number;
  /** Versions refused before reaching the database, with why. */
  refused: string[];
}

export function emptyCounts(): WriteCounts {
  return { inserted: 0, updated: 0, unchanged: 0, historyAdded: 0, refused: [] };
}

export function addCounts(into: WriteCounts, from: WriteCounts): void {
  into.inserted += from.inserted;
  into.updated += from.updated;
  into.unchanged += from.unchanged;
  into.historyAdded += from.historyAdded;
  into.refused.push(...from.refused);
}

/** Counts one upsert by what its `RETURNING (xmax = 0) AS inserted` gave back (nothing: not newer). */
export function countUpsert(counts: WriteCounts, returned: { inserted: boolean } | undefined): void {
  if (!returned) counts.unchanged += 1;
  else if (returned.inserted) counts.inserted += 1;
  else counts.updated += 1;
}
