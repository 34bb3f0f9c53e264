// What the drawer's status history says, in words, about where its steps come from: whether the event
// recorder's part is still loading, in, missing, or could not be fetched — so a short list reads as an
// answer ("nothing earlier was recorded") or as a known gap, never as a silent fault.
import type { TradeStatus } from "@/lib/trades/types";
import type { RecordedHistoryState } from "./use-recorded-history";

export function recordedHistoryMessage(state: RecordedHistoryState, steps: number, reason: string | null): string {
  switch (state) {
    case "loading":
      return "Loading the event recorder's history of this trade…";
    case "recorded":
      return "Includes the event recorder's history of this trade, merged with what this page saw.";
    case "unrecorded":
      return steps === 0
        ? "No status history: neither this page nor the event recorder has seen this trade."
        : "The event recorder has no history of this trade (it started before the recorder, or was pruned); listed are the changes this page saw.";
    case "unavailable":
      return `The event recorder's history could not be loaded${reason ? ` (${reason})` : ""}; ${
        steps === 0 ? "this page saw no changes of this trade itself." : "listed are the changes this page saw."
      }`;
  }
}

/** A note under the list when it does not start at the beginning of the trade's life; null when it does. */
export function missingStepsNote(state: RecordedHistoryState, firstStatus: TradeStatus | undefined): string | null {
  if (firstStatus === undefined || firstStatus === "initiated" || state === "loading") return null;
  return state === "recorded"
    ? "Earlier steps happened before the event recorder was watching."
    : "Earlier steps happened before this page was watching; only changes seen live or at a resync are listed.";
}
