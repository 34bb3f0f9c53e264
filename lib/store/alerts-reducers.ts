// The alerts store's state and its pure reducers: the alerts this page knows (newer version wins, as
// with trades), the server's open count, each opened trade's team state (notes, assignee), and the
// stream's health. Pure functions over plain data so unit tests call them directly; the store
// (./alerts-store.ts) only wires them to actions. Input is typed: lib/live parses at the edge.
import type { Alert, TradeNote, TradeTeam } from "@/lib/live/alerts-schema";
import type { AlertsStreamState } from "@/lib/live/alerts-stream";

export interface TradeTeamState {
  notes: readonly TradeNote[];
  assignee: string | null;
}

export interface AlertsState {
  alerts: ReadonlyMap<string, Alert>;
  /** Open (unacknowledged) alerts as the server counts them, snoozed ones included. */
  openCount: number;
  /** True once the first snapshot arrived (until then the count is unknown, not zero). */
  loaded: boolean;
  stream: AlertsStreamState;
  malformed: number;
  lastMalformed: string | null;
  teams: Readonly<Record<string, TradeTeamState>>;
  /** The clock ages and snoozes are judged against; ticked by the provider. */
  now: number;
}

/** Alerts kept at most; past it the oldest acknowledged ones go first (open ones are never dropped). */
export const MAX_ALERTS_KEPT = 1_000;

export function createAlertsState(now: number): AlertsState {
  return { alerts: new Map(), openCount: 0, loaded: false, stream: "connecting", malformed: 0, lastMalformed: null, teams: {}, now };
}

function isNewer(next: Alert, known: Alert | undefined): boolean {
  return known === undefined || next.version > known.version;
}

function capped(alerts: Map<string, Alert>): Map<string, Alert> {
  if (alerts.size <= MAX_ALERTS_KEPT) return alerts;
  const done = [...alerts.values()].filter((a) => a.acknowledgedAt !== null).sort((a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt));
  for (const alert of done) {
    if (alerts.size <= MAX_ALERTS_KEPT) break;
    alerts.delete(alert.id);
  }
  return alerts;
}

function mergeAlerts(known: ReadonlyMap<string, Alert>, incoming: readonly Alert[]): ReadonlyMap<string, Alert> {
  let next: Map<string, Alert> | null = null;
  for (const alert of incoming) {
    if (!isNewer(alert, (next ?? known).get(alert.id))) continue;
    next ??= new Map(known);
    next.set(alert.id, alert);
  }
  return next === null ? known : capped(next);
}

/**
 * The stream's first event (and again after a fresh connection): the server's view replaces ours,
 * except where we already hold a newer version of an alert (a POST answer that overtook the stream).
 */
export function applyAlertsSnapshot(state: AlertsState, snapshot: { alerts: readonly Alert[]; openCount: number }): AlertsState {
  const alerts = new Map<string, Alert>();
  for (const alert of snapshot.alerts) {
    const known = state.alerts.get(alert.id);
    alerts.set(alert.id, known !== undefined && known.version > alert.version ? known : alert);
  }
  return { ...state, alerts: capped(alerts), openCount: snapshot.openCount, loaded: true };
}

/** One changed alert, from the stream or a POST answer; older versions are ignored. */
export function applyAlertChange(state: AlertsState, alert: Alert): AlertsState {
  const alerts = mergeAlerts(state.alerts, [alert]);
  return alerts === state.alerts ? state : { ...state, alerts };
}

export function applyOpenCount(state: AlertsState, openCount: number): AlertsState {
  return state.openCount === openCount && state.loaded ? state : { ...state, openCount, loaded: true };
}

export function applyTradeTeam(state: AlertsState, tradeId: string, team: TradeTeam): AlertsState {
  return {
    ...state,
    alerts: mergeAlerts(state.alerts, team.alerts),
    teams: { ...state.teams, [tradeId]: { notes: team.notes, assignee: team.assignee } },
  };
}

export function applyTradeNote(state: AlertsState, note: TradeNote): AlertsState {
  const team = state.teams[note.tradeId] ?? { notes: [], assignee: null };
  if (team.notes.some((n) => n.id === note.id)) return state;
  return { ...state, teams: { ...state.teams, [note.tradeId]: { ...team, notes: [...team.notes, note] } } };
}

export function applyTradeAssignee(state: AlertsState, tradeId: string, assignee: string | null): AlertsState {
  const team = state.teams[tradeId] ?? { notes: [], assignee: null };
  return { ...state, teams: { ...state.teams, [tradeId]: { ...team, assignee } } };
}

export function countMalformed(state: AlertsState, reason: string): AlertsState {
  return { ...state, malformed: state.malformed + 1, lastMalformed: reason };
}
