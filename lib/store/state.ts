// Shape of the ops store's state and its initial value. Types only plus one factory; no logic.
// `trades` is a Map owned and mutated in place by the reducers in this folder (see trade-upsert.ts for
// why); everything outside lib/store must treat it as read-only and re-read it when `tradesVersion` changes.
import type { Funding, Trade, TradeStatus } from "@/lib/trades/types";
import type { ChangeJournal } from "@/lib/trades/change-journal";
import { DEFAULT_STALL_LIMITS, type StallLimits } from "@/lib/trades/stall-rules";
import { TradeMap } from "./trade-map";

export interface StatusChange {
  status: TradeStatus;
  rawStatus: string;
  /** The trade's updatedAt when the status was applied (AssetPay's clock). */
  at: string;
  /** Our clock (ms) when we applied it. */
  observedAt: number;
}

/** One trade as the store holds it. Records are immutable: any change produces a new object. */
export interface StoredTrade {
  trade: Trade;
  /** Status changes in order, oldest first; capped (see MAX_HISTORY). */
  history: readonly StatusChange[];
  /** ISO time the current status began (updatedAt of the change, or activeAt for `active`). */
  enteredStatusAt: string;
  /** Confirmed against AssetPay (live event or resync) since the last disconnect. */
  verified: boolean;
  /** Lowercase text the search box matches (ids, Steam id, offer id, item names), built once per change. */
  searchText: string;
  /** Date.parse(trade.updatedAt), cached for ordering and sorting. */
  updatedAtMs: number;
  /** Date.parse(enteredStatusAt), cached for "age in status" sorting. */
  enteredStatusAtMs: number;
  /**
   * AssetPay answered TRADE_NOT_FOUND for it (the recorder checked): never stalled or in flight. Set by
   * ./missing-trades; a newer version of the trade builds a new record without it.
   */
  missing?: true;
}

export type ConnectionState = "connecting" | "live" | "reconnecting" | "reauthenticating" | "offline" | "signed-out";

/**
 * Why the feed is down, when we know more than the state says: AssetPay closed an accepted socket (a
 * deploy), or AssetPay's `GET /health` reports maintenance while reconnecting keeps failing.
 */
export type ConnectionCause = "assetpay-closed" | "assetpay-maintenance";

export interface ConnectionInfo {
  state: ConnectionState;
  attempt: number;
  nextRetryAt: number | null;
  lastError: string | null;
  connectedAt: number | null;
  cause: ConnectionCause | null;
}

export interface ResyncRecord {
  at: number;
  tradesRefreshed: number;
  fundingRefreshed: number;
  /** Trades + funding rows whose stored value actually changed. */
  changed: number;
  error?: string;
}

/** Events counted per wall-clock second, newest last; a rolling window for "events/s". */
export interface RateBucket {
  second: number;
  count: number;
}

/** What the event recorder (a separate server process) saw, from its health report. */
export interface RecorderDiagnostics {
  /** Malformed events every recorder ignored (summed over the recorders writing this store). */
  malformedIgnored: number;
  /** Newest last. */
  lastMalformedReasons: readonly string[];
  unknownStatusEvents: number;
  lastUnknownStatuses: readonly string[];
  /** Trades AssetPay no longer knows, store-wide. */
  missingTrades: number;
  /**
   * Alert webhook attempts that failed, and those whose outcome is unknown (not repeated), summed over
   * recorders, with the latest error; absent: no webhook.
   */
  alertWebhook?: { failed: number; unknown: number; lastError: string | null };
  /** Our clock (ms) when this was read. */
  at: number;
}

export interface Diagnostics {
  eventsReceived: number;
  malformedIgnored: number;
  /** Last 10 reasons, newest last. */
  lastMalformedReasons: readonly string[];
  /** Raw unknown status → times seen. Null-prototype object, so "__proto__" is just a key. */
  unknownStatuses: Readonly<Record<string, number>>;
  lastEventAt: number | null;
  duplicatesIgnored: number;
  /** Events older (by updatedAt) than what we hold. */
  staleIgnored: number;
  lastResync: ResyncRecord | null;
  eventRate: readonly RateBucket[];
  /** How many trade payloads looked like each AssetPay contract (which one is live is undocumented). */
  contracts: { current: number; legacy: number };
  /** Null until the recorder's health has been read once. */
  recorder: RecorderDiagnostics | null;
  /** Smoothed gap between consecutive events (ms), null before the second: how often the feed usually speaks. */
  meanEventGapMs: number | null;
}

export interface Retention {
  /** Max terminal trades kept; in-flight trades are never evicted. */
  cap: number;
  evicted: number;
  terminalCount: number;
}

export interface FundingState {
  deposits: ReadonlyMap<string, Funding>;
  withdrawals: ReadonlyMap<string, Funding>;
}

export interface OpsState {
  /** Journals which ids changed (see trade-map.ts), so the board can follow it without full passes. */
  trades: ReadonlyMap<string, StoredTrade> & ChangeJournal;
  /** Bumped on every change to `trades`; select this (not the Map) to re-render lists. */
  tradesVersion: number;
  /** Small and rarely updated, so these Maps are replaced (copy-on-write) on every change. */
  funding: FundingState;
  connection: ConnectionInfo;
  diagnostics: Diagnostics;
  retention: Retention;
  /** The one ticking clock (ms) every age on the page is computed against. */
  now: number;
  stallLimits: StallLimits;
}

export const DEFAULT_RETENTION_CAP = 100_000;
export const DEFAULT_FUNDING_CAP = 5_000;
export const MAX_HISTORY = 50;
export const MAX_MALFORMED_REASONS = 10;

export interface OpsStateOptions {
  retentionCap?: number;
  stallLimits?: Partial<StallLimits>;
  now?: number;
}

export function createInitialState(options: OpsStateOptions = {}): OpsState {
  return {
    trades: new TradeMap(),
    tradesVersion: 0,
    funding: { deposits: new Map(), withdrawals: new Map() },
    connection: { state: "connecting", attempt: 0, nextRetryAt: null, lastError: null, connectedAt: null, cause: null },
    diagnostics: {
      eventsReceived: 0,
      malformedIgnored: 0,
      lastMalformedReasons: [],
      unknownStatuses: Object.create(null) as Record<string, number>,
      lastEventAt: null,
      duplicatesIgnored: 0,
      staleIgnored: 0,
      lastResync: null,
      eventRate: [],
      contracts: { current: 0, legacy: 0 },
      recorder: null,
      meanEventGapMs: null,
    },
    retention: { cap: normalizeCap(options.retentionCap ?? DEFAULT_RETENTION_CAP), evicted: 0, terminalCount: 0 },
    now: options.now ?? Date.now(),
    stallLimits: { ...DEFAULT_STALL_LIMITS, ...options.stallLimits },
  };
}

export function normalizeCap(cap: number): number {
  return Number.isFinite(cap) && cap >= 0 ? Math.floor(cap) : DEFAULT_RETENTION_CAP;
}
