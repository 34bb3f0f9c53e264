// The alerts store factory: one vanilla zustand store per signed-in page, beside (not inside) the ops
// store, because the header that shows alerts is drawn on every dashboard page while the ops store
// belongs to the board. Actions delegate to the pure reducers in ./alerts-reducers.ts. Never create a
// module-level instance; input is typed (lib/live parses at the edge).
import { createStore } from "zustand/vanilla";
import type { AlertsEvent } from "@/lib/live/alerts-events";
import type { Alert, TradeNote, TradeTeam } from "@/lib/live/alerts-schema";
import type { AlertsStreamState } from "@/lib/live/alerts-stream";
import {
  type AlertsState,
  applyAlertChange,
  applyAlertsSnapshot,
  applyOpenCount,
  applyTradeAssignee,
  applyTradeNote,
  applyTradeTeam,
  countMalformed,
  createAlertsState,
} from "./alerts-reducers";

export interface AlertsActions {
  applyEvent: (event: AlertsEvent) => void;
  /** A changed alert from a POST answer (the stream brings it too; the newer version wins either way). */
  applyAlert: (alert: Alert) => void;
  applyTradeTeam: (tradeId: string, team: TradeTeam) => void;
  applyTradeNote: (note: TradeNote) => void;
  applyTradeAssignee: (tradeId: string, assignee: string | null) => void;
  countMalformed: (reason: string) => void;
  setStream: (stream: AlertsStreamState) => void;
  tick: (now: number) => void;
}

export type AlertsStore = AlertsState & AlertsActions;
export type AlertsStoreApi = ReturnType<typeof createAlertsStore>;

export function reduceAlertsEvent(state: AlertsState, event: AlertsEvent): AlertsState {
  if (event.type === "snapshot") return applyAlertsSnapshot(state, event);
  if (event.type === "alert") return applyAlertChange(state, event.alert);
  return applyOpenCount(state, event.openCount);
}

export function createAlertsStore(now: number = Date.now()) {
  return createStore<AlertsStore>()((set) => ({
    ...createAlertsState(now),
    applyEvent: (event) => set((s) => reduceAlertsEvent(s, event)),
    applyAlert: (alert) => set((s) => applyAlertChange(s, alert)),
    applyTradeTeam: (tradeId, team) => set((s) => applyTradeTeam(s, tradeId, team)),
    applyTradeNote: (note) => set((s) => applyTradeNote(s, note)),
    applyTradeAssignee: (tradeId, assignee) => set((s) => applyTradeAssignee(s, tradeId, assignee)),
    countMalformed: (reason) => set((s) => countMalformed(s, reason)),
    setStream: (stream) => set((s) => (s.stream === stream ? s : { ...s, stream })),
    tick: (at) => set((s) => (s.now === at ? s : { ...s, now: at })),
  }));
}
