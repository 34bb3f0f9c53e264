"use client";
// The trade ids behind the board's "Needs attention" and "Assigned to me" views, from the alerts
// store. Each Set keeps its identity while its members stay the same, so the board's engine rebuilds
// its list only when the set really changed. Outside an AlertsProvider both are empty.
import { useMemo, useState } from "react";
import { useStore } from "zustand";
import { assignedTradeIds, attentionTradeIds, sameMembers } from "@/lib/store/alerts-selectors";
import { createAlertsStore } from "@/lib/store/alerts-store";
import { useAlertsContext } from "./alerts-context";

export interface AlertTradeIds {
  attention: ReadonlySet<string>;
  mine: ReadonlySet<string>;
}

function useStableSet(next: Set<string>): ReadonlySet<string> {
  const [kept, setKept] = useState<ReadonlySet<string>>(next);
  if (kept === next || sameMembers(kept, next)) return kept;
  // React's "adjust state while rendering" pattern: keep the new set from now on.
  setKept(next);
  return next;
}

export function useAlertTradeIds(): AlertTradeIds {
  const context = useAlertsContext();
  const [empty] = useState(() => createAlertsStore(0));
  const store = context?.store ?? empty;
  const email = context?.email ?? "";
  const alerts = useStore(store, (s) => s.alerts);
  const teams = useStore(store, (s) => s.teams);
  const now = useStore(store, (s) => s.now);
  const attention = useStableSet(useMemo(() => attentionTradeIds({ alerts, now }), [alerts, now]));
  const mine = useStableSet(useMemo(() => (email === "" ? new Set<string>() : assignedTradeIds({ alerts, teams }, email)), [alerts, teams, email]));
  return { attention, mine };
}

/** The ids the board narrows to for the chosen views (both chosen: trades in both), or null for any. */
export function chosenTradeIds(ids: AlertTradeIds, attention: boolean, mine: boolean): ReadonlySet<string> | null {
  if (attention && mine) return new Set([...ids.attention].filter((id) => ids.mine.has(id)));
  if (attention) return ids.attention;
  if (mine) return ids.mine;
  return null;
}
