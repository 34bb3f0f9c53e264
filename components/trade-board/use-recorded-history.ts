"use client";
// For the trade detail drawer: the trade's status history — what the event recorder observed (fetched
// through /api/trades/{id}/history once per opened trade, and again on `retry`) merged with what this
// page holds in the store — so a step the tab missed (it was offline, or not open yet) is still listed.
// Until the fetch lands, or if the recorder is unavailable, the history is the store's own.
import { useCallback, useEffect, useMemo, useState } from "react";
import { type RecordedHistoryAnswer, fetchRecordedHistory } from "@/lib/live/recorded-history-client";
import { mergeStatusHistories } from "@/lib/store/snapshot";
import type { StatusChange } from "@/lib/store/state";
import { useOpsStore } from "@/lib/store/use-ops-store";

export type RecordedHistoryState = "loading" | RecordedHistoryAnswer["state"];

export interface RecordedHistory {
  /** Oldest first, no duplicates. */
  history: readonly StatusChange[];
  state: RecordedHistoryState;
  /** Why the recorder's part is missing, when state is "unavailable". */
  reason: string | null;
  /** Asks the recorder again (after "unavailable"). */
  retry: () => void;
}

const NONE: readonly StatusChange[] = [];

export function useRecordedHistory(tradeId: string): RecordedHistory {
  const observed = useOpsStore((s) => s.trades.get(tradeId)?.history) ?? NONE;
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<{ tradeId: string; attempt: number; answer: RecordedHistoryAnswer } | null>(null);

  useEffect(() => {
    // Aborted on close, on another trade, and on React's StrictMode re-run: only the latest answer lands.
    const controller = new AbortController();
    void fetchRecordedHistory(tradeId, controller.signal).then((result) => {
      if (!controller.signal.aborted) setAnswer({ tradeId, attempt, answer: result });
    });
    return () => controller.abort();
  }, [tradeId, attempt]);

  const current = answer !== null && answer.tradeId === tradeId && answer.attempt === attempt ? answer.answer : null;
  const recorded = current?.history ?? NONE;
  const history = useMemo(() => (recorded.length === 0 ? observed : mergeStatusHistories(observed, recorded)), [observed, recorded]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    history,
    state: current?.state ?? "loading",
    reason: current?.state === "unavailable" ? current.reason : null,
    retry,
  };
}
