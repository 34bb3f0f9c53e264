"use client";
// The drawer's status history of one trade: the event recorder's record (through
// /api/trades/{id}/history) merged with what this page saw live, with a line saying in words whether
// the recorder's part is loading, in, missing or failed (a polite live region, so a screen reader
// hears it land), and a way to ask again after a failure. Works for a trade the board does not hold.
import { missingStepsNote, recordedHistoryMessage } from "./recorded-history-message";
import { TradeTimeline } from "./trade-timeline";
import { useRecordedHistory } from "./use-recorded-history";

export function TradeHistory({ tradeId }: { tradeId: string }) {
  const { history, state, reason, retry } = useRecordedHistory(tradeId);
  const note = missingStepsNote(state, history[0]?.status);
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-xs">
        <p role="status" aria-busy={state === "loading"} className={state === "unavailable" ? "text-amber-200" : "text-slate-400"}>
          {recordedHistoryMessage(state, history.length, reason)}
        </p>
        {state === "unavailable" ? (
          <button
            type="button"
            onClick={retry}
            className="rounded-md border border-slate-700 px-2 py-0.5 text-slate-300 hover:border-slate-500 hover:text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
          >
            Try again<span className="sr-only"> to load the recorded history</span>
          </button>
        ) : null}
      </div>
      {history.length > 0 ? <TradeTimeline history={history} /> : null}
      {note !== null ? <p className="mt-2 text-xs text-slate-500">{note}</p> : null}
    </div>
  );
}
