// Newer-only upsert of trades into the store's Map, producing immutable StoredTrade records.
//
// Design (why the Map is mutated in place): copying a 100,000-entry Map measured 30–50 ms here, which
// would cost several frames per batch. So each batch mutates the one Map, replaces only the records
// of trades that changed (unchanged trades keep their object identity, so `s.trades.get(id)`
// selectors stay stable) and bumps `tradesVersion` once (list views select that). Only reducers in
// lib/store may call these functions; never hand the Map to anything that could mutate it.
import { isTerminalStatus } from "@/lib/trades/status-classes";
import { buildSearchText } from "@/lib/trades/search-text";
import type { Trade, TradeStatus } from "@/lib/trades/types";
import { MAX_HISTORY, type StoredTrade } from "./state";

export type UpsertOutcome = "inserted" | "updated" | "duplicate" | "stale";

/** Lifecycle order, used only to break ties between two versions with the same updatedAt. */
const RANK: Readonly<Record<TradeStatus, number>> = {
  unknown: -1,
  initiated: 0,
  pending: 1,
  active: 2,
  hold: 3,
  escrow: 3,
  completed: 4,
  canceled: 4,
  declined: 4,
  failed: 4,
  partial: 4,
  // completed → reverted is a documented transition, so reverted ranks after completed.
  reverted: 5,
};

function parseMs(iso: string | undefined): number {
  if (iso === undefined) return Number.NaN;
  return Date.parse(iso);
}

function enteredAtFor(trade: Trade): string {
  return trade.status === "active" && trade.activeAt !== undefined ? trade.activeAt : trade.updatedAt;
}

function orZero(ms: number): number {
  return Number.isFinite(ms) ? ms : 0;
}

function newRecord(trade: Trade, observedAt: number, verified: boolean): StoredTrade {
  const enteredStatusAt = enteredAtFor(trade);
  return {
    trade,
    history: [{ status: trade.status, rawStatus: trade.rawStatus, at: trade.updatedAt, observedAt }],
    enteredStatusAt,
    verified,
    searchText: buildSearchText(trade),
    updatedAtMs: orZero(parseMs(trade.updatedAt)),
    enteredStatusAtMs: orZero(parseMs(enteredStatusAt)),
  };
}

function updatedRecord(prev: StoredTrade, trade: Trade, observedAt: number, verified: boolean): StoredTrade {
  const statusChanged = trade.status !== prev.trade.status;
  let history = prev.history;
  let enteredStatusAt = prev.enteredStatusAt;
  let enteredStatusAtMs = prev.enteredStatusAtMs;
  if (statusChanged) {
    const entry = { status: trade.status, rawStatus: trade.rawStatus, at: trade.updatedAt, observedAt };
    history = prev.history.length >= MAX_HISTORY ? [...prev.history.slice(1 - MAX_HISTORY), entry] : [...prev.history, entry];
    enteredStatusAt = enteredAtFor(trade);
    enteredStatusAtMs = orZero(parseMs(enteredStatusAt));
  }
  return {
    trade,
    history,
    enteredStatusAt,
    verified,
    searchText: buildSearchText(trade),
    updatedAtMs: orZero(parseMs(trade.updatedAt)),
    enteredStatusAtMs,
  };
}

// Bounded payloads (lib/wire caps sizes) keep this cheap; it only runs when updatedAt ties.
function sameContent(a: Trade, b: Trade): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function classify(prev: StoredTrade, incoming: Trade): UpsertOutcome {
  const incomingMs = parseMs(incoming.updatedAt);
  if (!Number.isFinite(incomingMs) || incomingMs < prev.updatedAtMs) return "stale";
  if (incomingMs > prev.updatedAtMs) return "updated";
  if (sameContent(prev.trade, incoming)) return "duplicate";
  // Same timestamp, different content: only a later lifecycle step wins, so replays cannot flip-flop.
  return RANK[incoming.status] > RANK[prev.trade.status] ? "updated" : "stale";
}

export interface UpsertResult {
  outcome: UpsertOutcome;
  /** +1 when the trade became terminal, -1 when it left terminal, else 0. */
  terminalDelta: number;
  /** True when the Map entry was replaced (incl. a verified-flag-only change). */
  touched: boolean;
}

/**
 * Applies one trade version if it is newer. `confirm` marks the record verified when AssetPay
 * confirms the current content (a newer version, an identical duplicate, or any resync row).
 */
export function upsertTrade(
  trades: Map<string, StoredTrade>,
  incoming: Trade,
  observedAt: number,
  confirm: { onDuplicate: boolean; onStale: boolean },
): UpsertResult {
  const prev = trades.get(incoming.id);
  if (!prev) {
    trades.set(incoming.id, newRecord(incoming, observedAt, true));
    return { outcome: "inserted", terminalDelta: isTerminalStatus(incoming.status) ? 1 : 0, touched: true };
  }
  const outcome = classify(prev, incoming);
  if (outcome === "updated") {
    trades.set(incoming.id, updatedRecord(prev, incoming, observedAt, true));
    const delta = Number(isTerminalStatus(incoming.status)) - Number(isTerminalStatus(prev.trade.status));
    return { outcome, terminalDelta: delta, touched: true };
  }
  const confirms = outcome === "duplicate" ? confirm.onDuplicate : confirm.onStale;
  if (confirms && !prev.verified) {
    trades.set(incoming.id, { ...prev, verified: true });
    return { outcome, terminalDelta: 0, touched: true };
  }
  return { outcome, terminalDelta: 0, touched: false };
}
