// What the alerts UI and the board read from the alerts store. "Needs attention" = open (not
// acknowledged) and not snoozed at the store's clock; that is also the N in the tab title.
import type { Alert } from "@/lib/live/alerts-schema";
import type { AlertsState } from "./alerts-reducers";

export function isOpen(alert: Alert): boolean {
  return alert.acknowledgedAt === null;
}

export function isSnoozed(alert: Alert, now: number): boolean {
  return alert.snoozedUntil !== null && Date.parse(alert.snoozedUntil) > now;
}

export function needsAttention(alert: Alert, now: number): boolean {
  return isOpen(alert) && !isSnoozed(alert, now);
}

/** Every alert held, newest first (ties by id, so the order is stable). */
export function alertsNewestFirst(alerts: ReadonlyMap<string, Alert>): Alert[] {
  return [...alerts.values()].sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function attentionCount(state: Pick<AlertsState, "alerts" | "now">): number {
  let n = 0;
  for (const alert of state.alerts.values()) if (needsAttention(alert, state.now)) n += 1;
  return n;
}

/** Ids of trades with at least one alert that needs attention (the board's "Needs attention" filter). */
export function attentionTradeIds(state: Pick<AlertsState, "alerts" | "now">): Set<string> {
  const ids = new Set<string>();
  for (const alert of state.alerts.values()) if (alert.tradeId !== null && needsAttention(alert, state.now)) ids.add(alert.tradeId);
  return ids;
}

/** Ids of trades assigned to `email`: through an open alert, or the trade's own assignee once its detail was read. */
export function assignedTradeIds(state: Pick<AlertsState, "alerts" | "teams">, email: string): Set<string> {
  const ids = new Set<string>();
  const target = email.toLowerCase();
  for (const alert of state.alerts.values()) {
    if (alert.tradeId !== null && isOpen(alert) && alert.assignee?.toLowerCase() === target) ids.add(alert.tradeId);
  }
  for (const [tradeId, team] of Object.entries(state.teams)) if (team.assignee?.toLowerCase() === target) ids.add(tradeId);
  return ids;
}

/** Alerts of one trade, newest first. */
export function tradeAlerts(alerts: ReadonlyMap<string, Alert>, tradeId: string): Alert[] {
  return alertsNewestFirst(alerts).filter((a) => a.tradeId === tradeId);
}

/** Two sets with the same members; lets hooks keep one Set identity while nothing changed. */
export function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}
