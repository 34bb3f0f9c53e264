// Builds brand-new trades (status `initiated`) from a trade's own random stream: game, type, source,
// user, items with realistic prices, and the deposit credit split (docs/assetpay-api.md#trade-fields).

import { catalogFor, type CatalogItem, WEAR_RANGES } from "./catalog";
import type { Cast, SimUser } from "./people";
import { hashSeed, Rng } from "./prng";
import { HOUR, iso, round2, scaled } from "./time";
import type { Game, Trade, TradeItem, TradeSource, TradeType } from "./wire";

export interface TradeContext {
  merchantId: string;
  cast: Cast;
  speed: number;
}

export interface NewTradeOptions {
  createdAtMs: number;
  externalId: string;
  game?: Game;
  type?: TradeType;
  source?: TradeSource;
  /** Overrides the generated user (control API). */
  steamId?: string;
  tradeUrl?: string;
  /** One item of this catalog entry instead of a random basket. */
  item?: CatalogItem;
  /** Instant credit requested or not, instead of drawn (control API). */
  instant?: boolean;
}

/** The wire trade plus the full withdraw items that replace the id/price stubs once sourcing starts. */
export interface NewTrade {
  trade: Trade;
  fullItems: TradeItem[];
}

/** Auto-cancel deadline for unsent CS2 withdraw items; the real length is not documented. */
export const WITHDRAW_AUTO_CANCEL_SIM_MS = 2 * HOUR;

const STICKERS = [
  "Sticker | Natus Vincere | Copenhagen 2024",
  "Sticker | FaZe Clan | Paris 2023",
  "Sticker | Vitality (Holo) | Shanghai 2024",
  "Sticker | Battle Scarred",
];
const DOPPLER_PHASES = [
  ["Phase 1", 418],
  ["Phase 2", 419],
  ["Phase 3", 420],
  ["Phase 4", 421],
  ["Ruby", 415],
  ["Sapphire", 416],
] as const;

const CS2_WEIGHTED = catalogFor("730").map((c) => [c, c.weight] as const);
const RUST_WEIGHTED = catalogFor("252490").map((c) => [c, c.weight] as const);
const ICON_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const iconUrls = new Map<string, string>();

/** Steam serves one icon per item class, so every copy of a skin shares one URL (and one string). */
function iconUrlFor(entry: CatalogItem): string {
  let url = iconUrls.get(entry.name);
  if (!url) {
    url = `https://community.akamai.steamstatic.com/economy/image/${new Rng(hashSeed(entry.name)).chars(ICON_ALPHABET, 96)}`;
    iconUrls.set(entry.name, url);
  }
  return url;
}

function itemCount(rng: Rng, type: TradeType): number {
  if (type === "withdraw") return rng.weighted([[1, 75], [2, 18], [3, 7]]);
  return rng.weighted([[1, 60], [2, 20], [rng.int(3, 5), 15], [rng.int(6, 12), 5]]);
}

function buildItem(rng: Rng, game: Game, type: TradeType, entry: CatalogItem, instant: boolean): TradeItem {
  const appid = Number(game);
  const marketPrice = Math.max(0.03, round2(entry.price * rng.between(0.92, 1.08)));
  const margin = type === "deposit" ? rng.between(0.88, 0.96) : rng.between(1, 1.06);
  const assetId = rng.digits(11);
  const item: TradeItem = {
    id: type === "withdraw" ? rng.hex(24) : Buffer.from(`${appid}_${assetId}`).toString("base64url"),
    appid,
    name: entry.name,
    marketHashName: entry.name,
    type: entry.type,
    iconUrl: iconUrlFor(entry),
    tradable: true,
    amount: 1,
    marketPrice,
    offer: {
      price: Math.max(0.01, round2(marketPrice * margin)),
      delivery: instant ? "instant" : "standard",
      maxAmount: 1,
      accepted: false,
    },
  };
  if (type === "deposit") item.assetId = assetId;
  if (entry.rarity) item.rarity = entry.rarity;
  if (entry.color) item.color = entry.color;
  if (entry.exterior) {
    const [lo, hi] = WEAR_RANGES[entry.exterior] ?? [0, 1];
    item.exterior = entry.exterior;
    item.wear = Number(rng.between(lo, hi).toFixed(8));
    item.paintSeed = rng.int(1, 1000);
  }
  if (entry.name.includes("Doppler") && !entry.name.includes("Gamma")) {
    const [name, paintIndex] = rng.pick(DOPPLER_PHASES);
    item.doppler = { status: true, name, paintIndex };
  }
  if (entry.name.includes("| Fade")) item.fade = { percentage: round2(rng.between(80, 100)) };
  if (entry.type === "Rifle" && rng.chance(0.15)) item.stickers = [{ name: rng.pick(STICKERS), slot: rng.int(0, 3) }];
  return item;
}

/** What a fresh `initiated` withdrawal shows: id and price only, Steam metadata comes later (docs/assetpay-api.md#trade-items). */
export function stubItem(full: TradeItem): TradeItem {
  return { id: full.id, marketPrice: full.marketPrice, offer: full.offer, status: "initiated" };
}

function pickUser(rng: Rng, cast: Cast): SimUser {
  // A few regulars trade a lot; most users appear rarely (head-heavy, like real traffic).
  const users = cast.users;
  const index = rng.chance(0.4) ? rng.int(0, Math.min(19, users.length - 1)) : rng.int(0, users.length - 1);
  const user = users[index];
  if (!user) throw new Error("empty user pool");
  return user;
}

export function createTrade(rng: Rng, ctx: TradeContext, opts: NewTradeOptions): NewTrade {
  const id = rng.uuid();
  const game: Game = opts.game ?? (rng.chance(0.75) ? "730" : "252490");
  const type: TradeType = opts.type ?? (rng.chance(0.6) ? "deposit" : "withdraw");
  const source: TradeSource = opts.source ?? (rng.chance(0.1) ? "self" : "client");
  const user = pickUser(rng, ctx.cast);
  const instant = opts.instant ?? (type === "deposit" ? source === "self" || game === "252490" || rng.chance(0.85) : rng.chance(0.3));

  const weighted = game === "730" ? CS2_WEIGHTED : RUST_WEIGHTED;
  const entries: CatalogItem[] = opts.item ? [opts.item] : Array.from({ length: itemCount(rng, type) }, () => rng.weighted(weighted));
  const fullItems = entries.map((entry) => buildItem(rng, game, type, entry, instant));
  const totalPrice = round2(fullItems.reduce((sum, item) => sum + item.offer.price * (item.amount ?? 1), 0));
  const createdAt = iso(opts.createdAtMs);

  const identity =
    source === "self"
      ? ctx.cast.merchantAccount
      : { steamId: opts.steamId ?? user.steamId, tradeUrl: opts.tradeUrl ?? user.tradeUrl };
  const trade: Trade = {
    id,
    type,
    source,
    status: "initiated",
    game,
    merchantId: ctx.merchantId,
    ...(source === "client" ? { clientUserId: user.clientUserId } : {}),
    clientSteamID: opts.steamId ?? identity.steamId,
    clientTradeUrl: opts.tradeUrl ?? identity.tradeUrl,
    externalId: opts.externalId,
    ...(source === "client" ? { externalClientUserId: user.externalClientUserId } : {}),
    items: type === "withdraw" ? fullItems.map(stubItem) : fullItems,
    totalPrice,
    createdAt,
    updatedAt: createdAt,
  };

  if (type === "deposit") {
    // Self trades and Rust are credited in full (no protection window to collateralise, docs/assetpay-api.md#trade-fields/docs/assetpay-api.md#games).
    const full = source === "self" || game === "252490";
    const preCredit = full ? totalPrice : instant ? round2(totalPrice * rng.between(0.6, 0.9)) : 0;
    const merchantShare = full ? 0 : round2(preCredit * rng.between(0.2, 0.5));
    trade.preCredit = preCredit;
    trade.pendingCredit = round2(totalPrice - preCredit);
    trade.isInstant = instant;
    trade.collateral = full ? { merchant: 0, provider: 0 } : { merchant: merchantShare, provider: round2(preCredit - merchantShare) };
  } else if (game === "730") {
    trade.autoCancelAt = iso(opts.createdAtMs + scaled(WITHDRAW_AUTO_CANCEL_SIM_MS, ctx.speed));
  }
  return { trade, fullItems };
}
