"use client";
// For the trade detail drawer: the trade's full status history — what the server-side recorder observed
// (fetched once per opened trade) merged with what this page saw live — so a trade that went `active`
// before the tab opened shows every recorded step. Returns the store's own history until the fetch
// lands, and keeps it if the recorder is unavailable.
import { useEffect, useMemo, useState } from "react";
import { mergeStatusHistories } from "@/lib/store/snapshot";
import type { StatusChange } from "@/lib/store/state";
import { useOpsStore } from "@/lib/store/use-ops-store";
import { type RecordedHistoryAnswer, fetchRecordedHistory } from "./recorded-history-client";

export type RecordedHistoryState = "loading" | RecordedHistoryAnswer["state"];

export interface RecordedHistory {
  /** Oldest first, no duplicates. */
  history: readonly StatusChange[];
  state: RecordedHistoryState;
}

const NONE: readonly StatusChange[] = [];

export function useRecordedHistory(tradeId: string | null): RecordedHistory {
  const observed = useOpsStore((s) => (tradeId === null ? undefined : s.trades.get(tradeId)?.history)) ?? NONE;
  const [answer, setAnswer] = useState<{ tradeId: string; answer: RecordedHistoryAnswer } | null>(null);

  useEffect(() => {
    if (tradeId === null) return;
    const controller = new AbortController();
    void fetchRecordedHistory(tradeId, controller.signal).then((result) => {
      if (!controller.signal.aborted) setAnswer({ tradeId, answer: result });
    });
    return () => controller.abort();
  }, [tradeId]);

  const current = answer !== null && answer.tradeId === tradeId ? answer.answer : null;
  const recorded = current?.history ?? NONE;
  const history = useMemo(() => (recorded.length === 0 ? observed : mergeStatusHistories(observed, recorded)), [observed, recorded]);
  return { history, state: tradeId === null ? "unrecorded" : (current?.state ?? "loading") };
}
