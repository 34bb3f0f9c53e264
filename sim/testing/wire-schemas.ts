// Independent, strict zod schemas of the documented wire objects (docs/assetpay-api.md#trade, #funding-object, #envelope), written from
// the doc rather than from the simulator's types, so conformance tests catch drift in either.

import { z } from "zod";

const isoDate = z.iso.datetime();
const status = z.enum(["initiated", "pending", "active", "hold", "completed", "canceled", "declined", "failed", "reverted"]);
const tradeError = z.enum([
  "LISTING_UNAVAILABLE",
  "NO_LISTING_AT_PRICE",
  "PRICE_CHANGED",
  "TRADE_URL_INVALID",
  "STEAM_ACCOUNT_RESTRICTED",
  "BUYER_TRADE_RESTRICTED",
  "OFFER_NOT_ACCEPTED",
  "MARKET_UNAVAILABLE",
  "PURCHASE_FAILED",
  "USER_TRADE_RESTRICTED",
  "USER_INVENTORY_PRIVATE",
  "USER_ESCROW",
  "USER_NOT_FOUND",
  "SERVICE_UNAVAILABLE",
  "MERCHANT_REJECTED",
  "APPROVAL_TIMEOUT",
]);

export const itemSchema = z.strictObject({
  id: z.string().min(1),
  itemId: z.string().optional(),
  externalId: z.string().optional(),
  assetId: z.string().regex(/^\d+$/).optional(),
  appid: z.union([z.literal(730), z.literal(252490)]).optional(),
  name: z.string().optional(),
  marketHashName: z.string().optional(),
  type: z.string().optional(),
  iconUrl: z.url().optional(),
  tradable: z.boolean().optional(),
  amount: z.number().int().positive().optional(),
  status: status.optional(),
  error: tradeError.optional(),
  marketPrice: z.number().nonnegative(),
  offer: z.strictObject({
    price: z.number().nonnegative(),
    delivery: z.enum(["standard", "instant"]),
    maxAmount: z.number().int(),
    accepted: z.boolean(),
  }),
  exterior: z.string().optional(),
  rarity: z.string().optional(),
  color: z.string().regex(/^[0-9a-f]{6}$/).optional(),
  wear: z.number().min(0).max(1).optional(),
  paintSeed: z.number().int().optional(),
  stickers: z.array(z.object({ name: z.string(), slot: z.number().int() })).optional(),
  doppler: z.object({ status: z.boolean(), name: z.string(), paintIndex: z.number().int() }).optional(),
  fade: z.object({ percentage: z.number() }).optional(),
});

export const tradeSchema = z.strictObject({
  id: z.uuid(),
  type: z.enum(["deposit", "withdraw"]),
  source: z.enum(["client", "self"]),
  status,
  game: z.enum(["730", "252490"]),
  merchantId: z.string().min(1),
  clientUserId: z.string().optional(),
  clientSteamID: z.string().regex(/^76561\d{12}$/),
  clientTradeUrl: z.string().regex(/^https:\/\/steamcommunity\.com\/tradeoffer\/new\/\?partner=\d{1,10}&token=[A-Za-z0-9_-]{8}$/),
  externalId: z.string().optional(),
  externalClientUserId: z.string().optional(),
  items: z.array(itemSchema).min(1),
  totalPrice: z.number().nonnegative(),
  preCredit: z.number().nonnegative().optional(),
  pendingCredit: z.number().nonnegative().optional(),
  isInstant: z.boolean().optional(),
  collateral: z.strictObject({ merchant: z.number(), provider: z.number() }).optional(),
  offerID: z.string().regex(/^\d+$/).optional(),
  holdEndDate: isoDate.optional(),
  activeAt: isoDate.optional(),
  autoCancelAt: isoDate.optional(),
  readyAt: isoDate.optional(),
  revertedBy: z.enum(["supplier", "user"]).optional(),
  error: tradeError.optional(),
  botInfo: z.strictObject({ name: z.string(), avatar: z.string().optional(), joined: z.string().optional(), steamId: z.string().optional() }).optional(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

const decimal = z.string().regex(/^\d+\.\d+$/);
export const fundingSchema = z.strictObject({
  id: z.uuid(),
  merchantId: z.string().nullable(),
  status: z.enum(["INITIATED", "PENDING", "PENDING_ADMIN", "APPROVED", "REJECTED", "COMPLETED", "FAILED", "CANCELLED", "REFUNDED", "EXPIRED"]),
  amounts: z.strictObject({ usd: decimal, token: decimal }),
  asset: z.strictObject({ token: z.enum(["USDT", "USDC"]), chain: z.enum(["ETH", "BSC", "SOL", "TRON"]), exchangeRateUsdPerToken: decimal }),
  address: z.string().min(20),
  txnHash: z.string().nullable(),
  creditedUsd: decimal,
  overpaymentUsd: decimal.nullable(),
  createdAt: isoDate,
  completedAt: isoDate.nullable(),
  updatedAt: isoDate,
});

export const successSchema = z.strictObject({ requestId: z.uuid(), success: z.literal(true), data: z.unknown() });
export const errorSchema = z.strictObject({
  requestId: z.uuid(),
  success: z.literal(false),
  error: z.strictObject({
    code: z.number().int(),
    key: z.string(),
    message: z.union([z.string(), z.array(z.string())]),
    fields: z.record(z.string(), z.string()).optional(),
    details: z.unknown().optional(),
  }),
});
