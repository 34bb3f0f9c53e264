// What the recorder serves about what it recorded: the page-load snapshot, one trade's
// status history, and the recorder's own health. Shared by the server (which builds these from the
// database) and the browser (which parses them with ./schema at the edge). Types only, no runtime code.
import type { FundingKind, TradeStatus } from "@/lib/trades/types";

/** One observed status change. Times are ISO strings. */
export interface RecordedStatusChange {
  status: TradeStatus;
  rawStatus: string;
  /** The trade's updatedAt for the version that carried this status (AssetPay's clock). */
  at: string;
  /** When a recorder first wrote it (our clock). */
  observedAt: string;
}

export interface RecordedTrade {
  /** The AssetPay Trade object exactly as received (socket or REST); parse with lib/wire. */
  payload: unknown;
  /** Oldest first, consecutive repeats of one status collapsed. */
  history: RecordedStatusChange[];
  /** True when AssetPay answered TRADE_NOT_FOUND for it: never stalled or in flight, kept for the record. */
  missing?: boolean;
}

export type FundingFormat = "event" | "ledger";

export interface RecordedFunding {
  kind: FundingKind;
  /** "event": the socket `funding` object; "ledger": a GET /v1/ledger/transactions row. */
  format: FundingFormat;
  payload: unknown;
}

export interface RecordedSnapshot {
  /** Database time the snapshot was read. */
  at: string;
  trades: RecordedTrade[];
  funding: RecordedFunding[];
  /** True when a cap cut the snapshot short (more in-flight trades than it may carry). */
  truncated: boolean;
}

export interface RecordedTradeHistory {
  tradeId: string;
  /** False when no recorder has seen this trade. */
  known: boolean;
  history: RecordedStatusChange[];
}

export interface ReconcileReport {
  reason: "startup" | "interval" | "connected" | "manual";
  startedAt: string;
  durationMs: number;
  /** In-flight trades asked about. */
  checked: number;
  returned: number;
  /** Rows whose recorded version changed (newer data from REST). */
  changed: number;
  /** Asked about but not returned by AssetPay's batch lookup. */
  missing: number;
  /** Of those, confirmed gone by a single-ref 404 TRADE_NOT_FOUND and marked missing in the store. */
  notFound: number;
  funding: number;
  requests: number;
  rateLimited: number;
  errors: string[];
}

/** A recorder's view of itself, written to the database every few seconds. */
export interface RecorderHealthState {
  connected: boolean;
  connectedSince: string | null;
  reconnects: number;
  eventsRecorded: number;
  malformedIgnored: number;
  /** The last few malformed reasons, newest last. */
  lastMalformedReasons: string[];
  /** Events recorded with a status we do not recognise. */
  unknownStatusEvents: number;
  /** The last few of those (which event, which status), newest last. */
  lastUnknownStatuses: string[];
  lastEventAt: string | null;
  /** Receive time minus the event's own timestamp, for the last event. */
  lastEventLagMs: number | null;
  lastReconcile: ReconcileReport | null;
  lastPrune: { at: string; trades: number; funding: number } | null;
  lastError: string | null;
  /** ALERT_WEBHOOK_URL deliveries by this recorder since it started; absent when no webhook is set. */
  alertWebhook?: AlertWebhookHealth | null;
}

export interface AlertWebhookHealth {
  delivered: number;
  /** Failed attempts known not to have reached the target (each failed retry counts). */
  failed: number;
  /** Alerts given up after the last retry. */
  gaveUp: number;
  /** Attempts whose outcome is unknown (never repeated: an alert is posted at most once). */
  unknown: number;
  lastError: string | null;
  lastErrorAt: string | null;
}

export interface RecorderHealthRow {
  recorderId: string;
  host: string;
  pid: number;
  startedAt: string;
  heartbeatAt: string;
  state: RecorderHealthState;
}

export interface RecorderHealthReport {
  database: "pglite" | "postgres";
  /** Database time of this report. */
  at: string;
  recorders: (RecorderHealthRow & { alive: boolean; sinceLastEventMs: number | null })[];
  /** Trades AssetPay no longer knows (store-wide): how many, and the most recently found ones' ids. */
  missingTrades: { count: number; ids: string[] };
}
