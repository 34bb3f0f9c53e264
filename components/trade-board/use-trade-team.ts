"use client";
// A trade's team state (its alerts, notes, assignee) for the open detail: read from
// /api/trades/{id}/team when the detail opens and every few seconds while it stays open (notes by
// other staff have no stream of their own), kept in the alerts store beside the streamed alerts.
import { useCallback, useEffect, useState } from "react";
import type { AlertsContextValue } from "@/components/alerts/alerts-context";
import { fetchTradeTeam } from "@/lib/live/alerts-api";

/** Other staff's notes and assignments reach an open detail within this long. */
export const TEAM_REFRESH_MS = 5_000;

export function useTradeTeam(alerts: AlertsContextValue | null, tradeId: string): { error: string | null; refresh: () => Promise<void> } {
  const [error, setError] = useState<string | null>(null);
  const store = alerts?.store ?? null;
  const refresh = useCallback(async () => {
    if (store === null) return;
    const answer = await fetchTradeTeam(tradeId);
    if (answer.ok) {
      store.getState().applyTradeTeam(tradeId, answer.value);
      setError(null);
    } else {
      setError(answer.message);
    }
  }, [store, tradeId]);

  useEffect(() => {
    if (store === null) return;
    let stopped = false;
    const run = () => {
      if (!stopped) void refresh();
    };
    run();
    const timer = setInterval(run, TEAM_REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [store, refresh]);
  return { error, refresh };
}
