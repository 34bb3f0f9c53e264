// The shapes of alerts and the team queue, as the API serves them and the browser reads them.
// Types and constants only, no runtime I/O: shared by lib/trades/alert-rules, lib/db and app/api.
export const ALERT_KINDS = ["stalled", "failed", "reverted", "missing", "funding-failed"] as const;

export type AlertKind = (typeof ALERT_KINDS)[number];

export interface Alert {
  /** Stable, unique per (subject, kind, episode). */
  id: string;
  kind: AlertKind;
  tradeId: string | null;
  fundingId: string | null;
  game: "cs2" | "rust" | null;
  /** In words, for staff and the webhook's text. */
  reason: string;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  /** Staff email. */
  assignee: string | null;
  snoozedUntil: string | null;
  /** Increases on every change, across all alerts (the SSE cursor). */
  version: number;
}

export interface TradeNote {
  id: string;
  tradeId: string;
  author: string;
  /** Plain text; never rendered as HTML. */
  text: string;
  at: string;
}

export interface AlertList {
  alerts: Alert[];
  openCount: number;
  /** The highest alert version the reader has seen: ask for changes after it. */
  cursor: number;
}
