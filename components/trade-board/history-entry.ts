// How a change of the open trade meets the browser's history: opening one pushes an entry (so Back
// closes it), switching to another trade replaces it (Back still returns to the board, not through
// every trade looked at), closing one the page opened steps back over its entry, and everything
// else (filters, sort, a trade opened from a shared link) replaces the current entry.
export type HistoryStep = "push" | "replace" | "back";

interface TradeChange {
  before: string | null;
  after: string | null;
  /** Whether the current history entry is one this page pushed for an opened trade. */
  onPushedEntry: boolean;
}

export function historyStep({ before, after, onPushedEntry }: TradeChange): HistoryStep {
  if (before === null && after !== null) return "push";
  if (before !== null && after === null && onPushedEntry) return "back";
  return "replace";
}
