// A hand-written fast path for the common, well-formed trade payload: the same rules as the zod schema
// in trade-schema.ts, built straight into the domain `Trade` with no intermediate objects.
//
// Why: zod measured ~8 µs per sim trade warm, and far worse under a busy socket (its parse context
// allocations survive scavenges and the tab pays in GC), while the board must keep up with thousands
// of events a second. Contract: for any input this either returns `null` ("not sure — ask zod") or
// exactly what the zod path returns; trade-fast-path.test.ts checks that differentially. Anything
// unusual (a failure, a numeric optional id, a non-plain object) returns null, so every reason still
// comes from zod. Never build objects by spreading or copying raw payloads.
import type { BotInfo, Trade, TradeItem, TradeSource } from "@/lib/trades/types";
import * as caps from "./field-schemas";
import type { ParseSuccess } from "./parse-result";
import { intern } from "./intern";
import { isoMs } from "./iso-ms";
import { mapTradeStatus } from "./status-mapping";
import { gameFromId } from "./trade-schema";

// Read once: under CommonJS interop (tsx, vitest) every imported binding is a getter call.
const MAX_DATE_LENGTH = caps.MAX_DATE_LENGTH;
const MAX_ID_LENGTH = caps.MAX_ID_LENGTH;
const MAX_ITEMS = caps.MAX_ITEMS;
const MAX_STATUS_LENGTH = caps.MAX_STATUS_LENGTH;
const MAX_TEXT_LENGTH = caps.MAX_TEXT_LENGTH;
const MAX_URL_LENGTH = caps.MAX_URL_LENGTH;

/** Thrown (and caught below) when the payload is outside what this path handles; never escapes. */
const BAIL: unique symbol = Symbol("bail");

type Plain = Record<string, unknown>;

// Only objects JSON.parse could have produced; class instances, Proxies of them, null-prototype objects go to zod.
function isPlain(v: unknown): v is Plain {
  return typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

function requiredId(v: unknown): string {
  if (typeof v === "string") {
    if (v.length > 0 && v.length <= MAX_ID_LENGTH) return v;
  } else if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return String(v);
  throw BAIL;
}

function optionalId(v: unknown): string | undefined {
  if (typeof v === "string") return v.length > 0 && v.length <= MAX_ID_LENGTH ? v : undefined;
  // zod's number branch (int checks) is left to zod; real payloads send ids as strings.
  if (typeof v === "number") throw BAIL;
  return undefined;
}

function optionalText(v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  return v.length > MAX_TEXT_LENGTH ? v.slice(0, MAX_TEXT_LENGTH) : v;
}

function optionalUrl(v: unknown): string | undefined {
  return typeof v === "string" && v.length <= MAX_URL_LENGTH ? v : undefined;
}

const DECIMAL = /^-?\d{1,30}(\.\d{1,30})?$/;

function optionalNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && DECIMAL.test(v.trim())) return Number(v);
  return undefined;
}

function isDateString(v: unknown): v is string {
  return typeof v === "string" && v.length <= MAX_DATE_LENGTH && Number.isFinite(isoMs(v));
}

function requiredDate(v: unknown): string {
  if (isDateString(v)) return v;
  throw BAIL;
}

function optionalDate(v: unknown): string | undefined {
  return isDateString(v) ? v : undefined;
}

function requiredStatus(v: unknown): string {
  if (typeof v !== "string") throw BAIL;
  const t = v.trim();
  return t.length > MAX_STATUS_LENGTH ? t.slice(0, MAX_STATUS_LENGTH) : t;
}

function tradeType(v: unknown): Trade["type"] {
  const t = typeof v === "string" ? v.trim().toLowerCase() : null;
  if (t === "deposit" || t === "withdraw") return t;
  throw BAIL;
}

function source(v: unknown): TradeSource | undefined {
  const s = typeof v === "string" ? v.toLowerCase() : null;
  return s === "client" || s === "self" ? s : undefined;
}

function gameId(v: unknown): string {
  if (v == null) return "";
  if (typeof v === "string" && v.length <= 16) return v.trim();
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return String(v);
  throw BAIL;
}

/** `z.object(...).nullish().catch(undefined)`: plain objects parse, null/undefined/primitives/arrays drop. */
function optionalObject(v: unknown): Plain | undefined {
  if (isPlain(v)) return v;
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  throw BAIL;
}

/**
 * The items a trade already has where we hold it (the store passes a lookup), so an update that only
 * moves the status can keep them: most events resend a trade's items unchanged, and building fresh
 * objects for them only to drop them later was a fifth of the parse and most of its garbage.
 */
export type HeldItems = (tradeId: string) => TradeItem[] | undefined;

/** Every TradeItem field, so adding one fails the type-check here until `item` compares it too. */
const COMPARED_ITEM_FIELDS = {
  id: true, name: true, marketHashName: true, amount: true, price: true, status: true, error: true, iconUrl: true, exterior: true,
} as const satisfies Record<keyof TradeItem, true>;
void COMPARED_ITEM_FIELDS;

// Key order matches toItem/toDomainTrade: equal trades must serialise identically whichever path built them.
// `held`, when given, is returned instead of a new object if every field would come out the same.
function item(v: unknown, held: TradeItem | undefined): TradeItem {
  if (!isPlain(v)) throw BAIL;
  const id = requiredId(v.id);
  const name = optionalText(v.name);
  const marketHashName = optionalText(v.marketHashName);
  const amount = optionalNumber(v.amount);
  const marketPrice = optionalNumber(v.marketPrice);
  const offer = optionalObject(v.offer);
  const offerPrice = offer === undefined ? undefined : optionalNumber(offer.price);
  const status = optionalText(v.status);
  const error = optionalText(v.error);
  const iconUrl = optionalUrl(v.iconUrl);
  const exterior = optionalText(v.exterior);
  const price = offerPrice ?? marketPrice;
  const shownName = name ?? marketHashName ?? "";
  if (
    held !== undefined &&
    held.id === id &&
    held.name === shownName &&
    held.marketHashName === marketHashName &&
    held.amount === amount &&
    held.price === price &&
    held.status === status &&
    held.error === error &&
    held.iconUrl === iconUrl &&
    held.exterior === exterior
  ) {
    return held;
  }
  // Catalog text is shared with every other trade carrying the same item (see intern.ts).
  const out: TradeItem = { id, name: intern(shownName) };
  if (marketHashName !== undefined) out.marketHashName = intern(marketHashName);
  if (amount !== undefined) out.amount = amount;
  if (price !== undefined) out.price = price;
  if (status !== undefined) out.status = status;
  if (error !== undefined) out.error = error;
  if (iconUrl !== undefined) out.iconUrl = intern(iconUrl);
  if (exterior !== undefined) out.exterior = intern(exterior);
  return out;
}

/** The parsed items; `held` itself when every item comes out the same as the one held at its index. */
function items(v: unknown, held: TradeItem[] | undefined): TradeItem[] {
  if (v == null) return [];
  if (!Array.isArray(v) || v.length > MAX_ITEMS) throw BAIL;
  const reusable = held !== undefined && held.length === v.length && v.length > 0 ? held : undefined;
  // Null while every item so far is the held one; a new array only from the first that differs.
  let out: TradeItem[] | null = reusable === undefined ? [] : null;
  for (let i = 0; i < v.length; i += 1) {
    const parsed = item(v[i], reusable?.[i]);
    if (out === null) {
      if (parsed === reusable?.[i]) continue;
      out = (reusable ?? []).slice(0, i);
    }
    out.push(parsed);
  }
  return out ?? reusable ?? [];
}

function botInfo(v: unknown): BotInfo | undefined {
  const w = optionalObject(v);
  if (w === undefined) return undefined;
  const name = optionalText(w.name);
  const avatar = optionalUrl(w.avatar);
  const steamId = optionalId(w.steamId);
  const joined = optionalText(w.joined);
  if (name === undefined) return undefined;
  const bot: BotInfo = { name };
  if (avatar !== undefined) bot.avatar = avatar;
  if (steamId !== undefined) bot.steamId = steamId;
  if (joined !== undefined) bot.joined = joined;
  return bot;
}

function build(w: Plain, heldItems: HeldItems | undefined): ParseSuccess<Trade> {
  // Every field is read once, in the schema's order, before anything is built.
  const id = requiredId(w.id);
  const type = tradeType(w.type);
  const src = source(w.source);
  const rawStatus = requiredStatus(w.status);
  const game = gameId(w.game);
  const merchantId = optionalId(w.merchantId);
  const clientUserId = optionalId(w.clientUserId);
  const clientSteamID = optionalId(w.clientSteamID);
  const clientSteamId = optionalId(w.clientSteamId);
  const clientTradeUrl = optionalUrl(w.clientTradeUrl);
  const externalId = optionalId(w.externalId);
  const externalClientUserId = optionalId(w.externalClientUserId);
  // zod accepts `items: undefined` as no items but rejects a payload without the key at all.
  if (!("items" in w)) throw BAIL;
  const tradeItems = items(w.items, heldItems?.(id));
  const totalPrice = optionalNumber(w.totalPrice);
  if (totalPrice === undefined) throw BAIL;
  const preCredit = optionalNumber(w.preCredit);
  const pendingCredit = optionalNumber(w.pendingCredit);
  const isInstant = typeof w.isInstant === "boolean" ? w.isInstant : undefined;
  const offerID = optionalId(w.offerID);
  const offerId = optionalId(w.offerId);
  const holdEndDate = optionalDate(w.holdEndDate);
  const activeAt = optionalDate(w.activeAt);
  const autoCancelAt = optionalDate(w.autoCancelAt);
  const readyAt = optionalDate(w.readyAt);
  const revertedBy = optionalText(w.revertedBy);
  const error = optionalText(w.error);
  const bot = botInfo(w.botInfo);
  const createdAt = requiredDate(w.createdAt);
  const updatedAt = requiredDate(w.updatedAt);

  const mapped = mapTradeStatus(rawStatus);
  const trade: Trade = {
    id,
    type,
    status: mapped.status,
    rawStatus,
    game: gameFromId(game),
    gameId: game,
    clientSteamId: clientSteamID ?? clientSteamId ?? "",
    items: tradeItems,
    totalPrice,
    createdAt,
    updatedAt,
  };
  // Plain `if` + named stores, not a generic setIfDefined(target, key, value): a keyed store whose key
  // varies is megamorphic in V8 and was a tenth of this function's time. Same keys, same order.
  const offer = offerID ?? offerId;
  if (src !== undefined) trade.source = src;
  if (merchantId !== undefined) trade.merchantId = merchantId;
  if (clientUserId !== undefined) trade.clientUserId = clientUserId;
  if (clientTradeUrl !== undefined) trade.clientTradeUrl = clientTradeUrl;
  if (externalId !== undefined) trade.externalId = externalId;
  if (externalClientUserId !== undefined) trade.externalClientUserId = externalClientUserId;
  if (preCredit !== undefined) trade.preCredit = preCredit;
  if (pendingCredit !== undefined) trade.pendingCredit = pendingCredit;
  if (isInstant !== undefined) trade.isInstant = isInstant;
  if (offer !== undefined) trade.offerId = offer;
  if (holdEndDate !== undefined) trade.holdEndDate = holdEndDate;
  if (activeAt !== undefined) trade.activeAt = activeAt;
  if (autoCancelAt !== undefined) trade.autoCancelAt = autoCancelAt;
  if (readyAt !== undefined) trade.readyAt = readyAt;
  if (revertedBy !== undefined) trade.revertedBy = revertedBy;
  if (error !== undefined) trade.error = error;
  if (bot !== undefined) trade.botInfo = bot;
  return {
    ok: true,
    value: trade,
    flavor: mapped.flavor,
    unknownStatus: mapped.known ? null : rawStatus,
  };
}

function attempt(trade: unknown, heldItems: HeldItems | undefined): ParseSuccess<Trade> | null {
  if (!isPlain(trade)) return null;
  try {
    return build(trade, heldItems);
  } catch (error) {
    if (error === BAIL) return null;
    throw error;
  }
}

/** A bare wire trade (REST): the parsed trade, or null to let zod decide. May throw on hostile getters. */
export function fastParseTrade(payload: unknown): ParseSuccess<Trade> | null {
  return attempt(payload, undefined);
}

/** A socket `trade` event (`{ trade }`): the parsed trade, or null to let zod decide. */
export function fastParseTradeEvent(payload: unknown, heldItems?: HeldItems): ParseSuccess<Trade> | null {
  return isPlain(payload) ? attempt(payload.trade, heldItems) : null;
}
