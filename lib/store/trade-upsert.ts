// Newer-only upsert of trades into the store's Map, producing immutable StoredTrade records.
//
// Design (why the Map is mutated in place): copying a 100,000-entry Map measured 30–50 ms here, which
// would cost several frames per batch. So each batch mutates the one Map, replaces only the records
// of trades that changed (unchanged trades keep their object identity, so `s.trades.get(id)`
// selectors stay stable) and bumps `tradesVersion` once (list views select that). Only reducers in
// lib/store may call these functions; never hand the Map to anything that could mutate it.
import { isTerminalStatus } from "@/lib/trades/status-classes";
import { STATUS_RANK } from "@/lib/trades/status-rank";
import { buildSearchText } from "@/lib/trades/search-text";
import type { Trade, TradeItem } from "@/lib/trades/types";
import { isoMs } from "@/lib/wire/iso-ms";
import { MAX_HISTORY, type StoredTrade } from "./state";

export type UpsertOutcome = "inserted" | "updated" | "duplicate" | "stale";

function parseMs(iso: string | undefined): number {
  if (iso === undefined) return Number.NaN;
  return isoMs(iso);
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

// Field by field with plain property reads (a loop over key names measured several times slower on
// the ingest path). trade-upsert.test.ts checks that a change in any TradeItem field is noticed.
export function sameItem(a: TradeItem, b: TradeItem): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.marketHashName === b.marketHashName &&
    a.amount === b.amount &&
    a.price === b.price &&
    a.status === b.status &&
    a.error === b.error &&
    a.iconUrl === b.iconUrl &&
    a.exterior === b.exterior
  );
}

export function sameItems(a: readonly TradeItem[], b: readonly TradeItem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || !sameItem(x, y)) return false;
  }
  return true;
}

/** True when buildSearchText would give both trades the same text (keep in step with it). */
export function sameSearchInputs(a: Trade, b: Trade): boolean {
  if (a.id !== b.id || a.clientSteamId !== b.clientSteamId || a.externalId !== b.externalId) return false;
  if (a.offerId !== b.offerId || a.externalClientUserId !== b.externalClientUserId) return false;
  if (a.items === b.items) return true;
  if (a.items.length !== b.items.length) return false;
  for (let i = 0; i < a.items.length; i += 1) {
    const x = a.items[i];
    const y = b.items[i];
    if (!x || !y || x.name !== y.name || x.marketHashName !== y.marketHashName) return false;
  }
  return true;
}

// Most updates only move the status: the new version then shares the previous one's items array
// (content-equal, so nothing observable changes) and search text. The fresh copies die young, which
// keeps a long-open tab's old generation, and its GC pauses, from growing with every event.
// The incoming trade's strings are fresh copies from JSON.parse even when unchanged. Pointing the
// record at the copies already held lets the fresh ones die young instead of being promoted with every
// event (the same reason items are shared above). Optional fields are only rewritten when present, so
// no key is added and the object keeps its shape. Plain named reads and writes: see sameItem.
function shareUnchangedStrings(prev: Trade, next: Trade): void {
  if (next.id === prev.id) next.id = prev.id;
  if (next.clientSteamId === prev.clientSteamId) next.clientSteamId = prev.clientSteamId;
  if (next.createdAt === prev.createdAt) next.createdAt = prev.createdAt;
  if (next.clientUserId !== undefined && next.clientUserId === prev.clientUserId) next.clientUserId = prev.clientUserId;
  if (next.clientTradeUrl !== undefined && next.clientTradeUrl === prev.clientTradeUrl) next.clientTradeUrl = prev.clientTradeUrl;
  if (next.externalId !== undefined && next.externalId === prev.externalId) next.externalId = prev.externalId;
  if (next.externalClientUserId !== undefined && next.externalClientUserId === prev.externalClientUserId) next.externalClientUserId = prev.externalClientUserId;
}

function updatedRecord(prev: StoredTrade, trade: Trade, updatedAtMs: number, observedAt: number, verified: boolean): StoredTrade {
  if (trade.items !== prev.trade.items && sameItems(trade.items, prev.trade.items)) trade.items = prev.trade.items;
  shareUnchangedStrings(prev.trade, trade);
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
    searchText: sameSearchInputs(prev.trade, trade) ? prev.searchText : buildSearchText(trade),
    updatedAtMs: orZero(updatedAtMs),
    enteredStatusAtMs,
  };
}

/**
 * Every Trade field, so adding one to the type fails the type-check here until sameContent compares it.
 * "scalar" fields compare with ===; the two nested ones have their own comparison.
 */
const TRADE_FIELDS = {
  id: "scalar", type: "scalar", source: "scalar", status: "scalar", rawStatus: "scalar", game: "scalar", gameId: "scalar",
  merchantId: "scalar", clientUserId: "scalar", clientSteamId: "scalar", clientTradeUrl: "scalar", externalId: "scalar",
  externalClientUserId: "scalar", items: "items", totalPrice: "scalar", preCredit: "scalar", pendingCredit: "scalar",
  isInstant: "scalar", offerId: "scalar", holdEndDate: "scalar", activeAt: "scalar", autoCancelAt: "scalar", readyAt: "scalar",
  revertedBy: "scalar", error: "scalar", botInfo: "botInfo", createdAt: "scalar", updatedAt: "scalar",
} as const satisfies Record<keyof Trade, "scalar" | "items" | "botInfo">;
const SCALAR_FIELDS = (Object.keys(TRADE_FIELDS) as (keyof Trade)[]).filter((key) => TRADE_FIELDS[key] === "scalar");

function sameBotInfo(a: Trade["botInfo"], b: Trade["botInfo"]): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.name === b.name && a.avatar === b.avatar && a.steamId === b.steamId && a.joined === b.joined;
}

// Field by field rather than comparing JSON.stringify output (which measured ~20 µs a pair, and a
// resync of 10,000 unchanged trades compares every one). Missing and undefined compare equal, as in JSON.
export function sameContent(a: Trade, b: Trade): boolean {
  for (const key of SCALAR_FIELDS) if (a[key] !== b[key]) return false;
  return sameItems(a.items, b.items) && sameBotInfo(a.botInfo, b.botInfo);
}

function classify(prev: StoredTrade, incoming: Trade, incomingMs: number): Exclude<UpsertOutcome, "inserted"> {
  if (!Number.isFinite(incomingMs) || incomingMs < prev.updatedAtMs) return "stale";
  if (incomingMs > prev.updatedAtMs) return "updated";
  if (sameContent(prev.trade, incoming)) return "duplicate";
  // Same timestamp, different content: only a later lifecycle step wins, so replays cannot flip-flop.
  return STATUS_RANK[incoming.status] > STATUS_RANK[prev.trade.status] ? "updated" : "stale";
}

export interface UpsertResult {
  readonly outcome: UpsertOutcome;
  /** +1 when the trade became terminal, -1 when it left terminal, else 0. */
  readonly terminalDelta: number;
  /** True when the Map entry was replaced (incl. a verified-flag-only change). */
  readonly touched: boolean;
}

// Every possible result, built once: upsertTrade runs once per socket event and allocates none.
function result(outcome: UpsertOutcome, terminalDelta: number, touched: boolean): UpsertResult {
  return Object.freeze({ outcome, terminalDelta, touched });
}
const INSERTED = result("inserted", 0, true);
const INSERTED_TERMINAL = result("inserted", 1, true);
const UPDATED_LEFT_TERMINAL = result("updated", -1, true);
const UPDATED = result("updated", 0, true);
const UPDATED_BECAME_TERMINAL = result("updated", 1, true);
const DUPLICATE = result("duplicate", 0, false);
const DUPLICATE_CONFIRMED = result("duplicate", 0, true);
const STALE = result("stale", 0, false);
const STALE_CONFIRMED = result("stale", 0, true);

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
    return isTerminalStatus(incoming.status) ? INSERTED_TERMINAL : INSERTED;
  }
  const incomingMs = parseMs(incoming.updatedAt);
  const outcome = classify(prev, incoming, incomingMs);
  if (outcome === "updated") {
    trades.set(incoming.id, updatedRecord(prev, incoming, incomingMs, observedAt, true));
    const was = isTerminalStatus(prev.trade.status);
    const is = isTerminalStatus(incoming.status);
    return was === is ? UPDATED : is ? UPDATED_BECAME_TERMINAL : UPDATED_LEFT_TERMINAL;
  }
  const confirms = outcome === "duplicate" ? confirm.onDuplicate : confirm.onStale;
  if (confirms && !prev.verified) {
    trades.set(incoming.id, { ...prev, verified: true });
    return outcome === "duplicate" ? DUPLICATE_CONFIRMED : STALE_CONFIRMED;
  }
  return outcome === "duplicate" ? DUPLICATE : STALE;
}
