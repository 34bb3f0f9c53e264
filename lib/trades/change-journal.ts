// What a collection that is mutated in place can tell its readers: which keys changed since they last
// looked. The store's trade Map keeps one (lib/store/trade-map.ts) so the board can follow 100,000
// trades by touching only the few that changed, instead of walking all of them on every pass.

export interface ChangeJournal {
  /** Position after the latest change; a reader keeps it as its cursor. */
  readonly changeCursor: number;
  /**
   * Keys changed (set or deleted) since `cursor`, possibly repeated, oldest first; null when the
   * journal no longer reaches back that far and the reader must look at everything again.
   */
  changedSince(cursor: number): readonly string[] | null;
}

export function hasChangeJournal(value: object): value is ChangeJournal {
  return "changedSince" in value && typeof (value as Partial<ChangeJournal>).changedSince === "function";
}
