// Zod schema for one AssetPay trade object (socket `trade` event, REST, callbacks) and its mapping to
// the domain `Trade`. Accepts both the current lowercase and the legacy UPPERCASE contract.
// Objects are parsed in zod's default strip mode: unknown keys (incl. `__proto__`) are tolerated but
// never copied. The domain object is built field by field — never spread or Object.assign raw data.
import { z } from "zod";
import type { BotInfo, Game, Trade, TradeItem, TradeSource } from "@/lib/trades/types";
import {
  MAX_ITEMS,
  idField,
  isoDateField,
  optionalBoolean,
  optionalDate,
  optionalId,
  optionalNumber,
  optionalText,
  optionalUrl,
  statusField,
  usdNumberField,
} from "./field-schemas";
import { intern, internOptional } from "./intern";
import { mapTradeStatus } from "./status-mapping";

const typeField = z.unknown().transform((v, ctx) => {
  const t = typeof v === "string" ? v.trim().toLowerCase() : null;
  if (t === "deposit" || t === "withdraw") return t;
  ctx.issues.push({ code: "custom", message: "expected deposit or withdraw", input: v });
  return z.NEVER;
});

const sourceField = z.unknown().transform((v): TradeSource | undefined => {
  const s = typeof v === "string" ? v.toLowerCase() : null;
  return s === "client" || s === "self" ? s : undefined;
}).optional();

// Missing game is tolerated (shown as "other"); a non-scalar game is a malformed trade.
const gameField = z
  .unknown()
  .transform((v, ctx) => {
    if (v == null) return "";
    if (typeof v === "string" && v.length <= 16) return v.trim();
    if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return String(v);
    ctx.issues.push({ code: "custom", message: "expected string", input: v });
    return z.NEVER;
  })
  .optional()
  .transform((v) => v ?? "");

const wireItem = z.object({
  id: idField,
  name: optionalText,
  marketHashName: optionalText,
  amount: optionalNumber,
  marketPrice: optionalNumber,
  offer: z.object({ price: optionalNumber }).nullish().catch(undefined),
  status: optionalText,
  error: optionalText,
  iconUrl: optionalUrl,
  exterior: optionalText,
});

// Length is checked before the elements so a hostile million-item array costs nothing to reject.
const itemsField = z
  .unknown()
  .superRefine((v, ctx) => {
    if (v == null) return;
    if (!Array.isArray(v)) ctx.addIssue({ code: "custom", message: "expected array" });
    else if (v.length > MAX_ITEMS) ctx.addIssue({ code: "custom", message: `too many entries (max ${MAX_ITEMS})` });
  })
  .pipe(z.array(wireItem).nullish())
  .transform((v) => v ?? []);

const botInfoField = z
  .object({ name: optionalText, avatar: optionalUrl, steamId: optionalId, joined: optionalText })
  .nullish()
  .catch(undefined);

export const wireTradeSchema = z.object({
  id: idField,
  type: typeField,
  source: sourceField,
  status: statusField,
  game: gameField,
  merchantId: optionalId,
  clientUserId: optionalId,
  // Current contract spells it `clientSteamID`; accept the camel-case spelling too.
  clientSteamID: optionalId,
  clientSteamId: optionalId,
  clientTradeUrl: optionalUrl,
  externalId: optionalId,
  externalClientUserId: optionalId,
  items: itemsField,
  totalPrice: usdNumberField,
  preCredit: optionalNumber,
  pendingCredit: optionalNumber,
  isInstant: optionalBoolean,
  offerID: optionalId,
  offerId: optionalId,
  holdEndDate: optionalDate,
  activeAt: optionalDate,
  autoCancelAt: optionalDate,
  readyAt: optionalDate,
  revertedBy: optionalText,
  error: optionalText,
  botInfo: botInfoField,
  createdAt: isoDateField,
  updatedAt: isoDateField,
});

export type WireTrade = z.output<typeof wireTradeSchema>;

export function gameFromId(gameId: string): Game {
  if (gameId === "730") return "cs2";
  if (gameId === "252490") return "rust";
  return "other";
}

/** Copies only defined values so equal trades serialise identically (used for duplicate detection). */
function setIfDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function toItem(w: z.output<typeof wireItem>): TradeItem {
  // Catalog text is shared with every other trade carrying the same item (see intern.ts).
  const item: TradeItem = { id: w.id, name: intern(w.name ?? w.marketHashName ?? "") };
  setIfDefined(item, "marketHashName", internOptional(w.marketHashName));
  setIfDefined(item, "amount", w.amount);
  setIfDefined(item, "price", w.offer?.price ?? w.marketPrice);
  setIfDefined(item, "status", w.status);
  setIfDefined(item, "error", w.error);
  setIfDefined(item, "iconUrl", internOptional(w.iconUrl));
  setIfDefined(item, "exterior", internOptional(w.exterior));
  return item;
}

function toBotInfo(w: NonNullable<WireTrade["botInfo"]>): BotInfo | undefined {
  if (w.name === undefined) return undefined;
  const bot: BotInfo = { name: w.name };
  setIfDefined(bot, "avatar", w.avatar);
  setIfDefined(bot, "steamId", w.steamId);
  setIfDefined(bot, "joined", w.joined);
  return bot;
}

export interface MappedTrade {
  trade: Trade;
  legacy: boolean;
  unknownStatus: string | null;
}

export function toDomainTrade(w: WireTrade): MappedTrade {
  const mapped = mapTradeStatus(w.status);
  const trade: Trade = {
    id: w.id,
    type: w.type,
    status: mapped.status,
    rawStatus: w.status,
    game: gameFromId(w.game),
    gameId: w.game,
    clientSteamId: w.clientSteamID ?? w.clientSteamId ?? "",
    items: w.items.map(toItem),
    totalPrice: w.totalPrice,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
  setIfDefined(trade, "source", w.source);
  setIfDefined(trade, "merchantId", w.merchantId);
  setIfDefined(trade, "clientUserId", w.clientUserId);
  setIfDefined(trade, "clientTradeUrl", w.clientTradeUrl);
  setIfDefined(trade, "externalId", w.externalId);
  setIfDefined(trade, "externalClientUserId", w.externalClientUserId);
  setIfDefined(trade, "preCredit", w.preCredit);
  setIfDefined(trade, "pendingCredit", w.pendingCredit);
  setIfDefined(trade, "isInstant", w.isInstant);
  setIfDefined(trade, "offerId", w.offerID ?? w.offerId);
  setIfDefined(trade, "holdEndDate", w.holdEndDate);
  setIfDefined(trade, "activeAt", w.activeAt);
  setIfDefined(trade, "autoCancelAt", w.autoCancelAt);
  setIfDefined(trade, "readyAt", w.readyAt);
  setIfDefined(trade, "revertedBy", w.revertedBy);
  setIfDefined(trade, "error", w.error);
  setIfDefined(trade, "botInfo", w.botInfo ? toBotInfo(w.botInfo) : undefined);
  return { trade, legacy: mapped.flavor === "legacy", unknownStatus: mapped.known ? null : w.status };
}
