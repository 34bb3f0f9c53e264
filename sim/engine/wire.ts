// The objects the simulator puts on the wire (REST `data` and socket payloads), typed after
// docs/assetpay-api.md#trade (Trade, current lowercase "GG" contract) and docs/assetpay-api.md#funding-object (merchant funding).
// Plain data only: no behaviour here, and nothing the real AssetPay would not send.

export const TRADE_STATUSES = [
  "initiated",
  "pending",
  "active",
  "hold",
  "completed",
  "canceled",
  "declined",
  "failed",
  "reverted",
] as const;
export type TradeStatus = (typeof TRADE_STATUSES)[number];

export const TERMINAL_TRADE_STATUSES: ReadonlySet<TradeStatus> = new Set([
  "completed",
  "canceled",
  "declined",
  "failed",
  "reverted",
]);

export const GAMES = ["730", "252490"] as const;
export type Game = (typeof GAMES)[number];
export const TRADE_TYPES = ["deposit", "withdraw"] as const;
export type TradeType = (typeof TRADE_TYPES)[number];
export type TradeSource = "client" | "self";

/** docs/assetpay-api.md#failure-codes failure codes. */
export type TradeError =
  | "LISTING_UNAVAILABLE"
  | "NO_LISTING_AT_PRICE"
  | "PRICE_CHANGED"
  | "TRADE_URL_INVALID"
  | "STEAM_ACCOUNT_RESTRICTED"
  | "BUYER_TRADE_RESTRICTED"
  | "OFFER_NOT_ACCEPTED"
  | "MARKET_UNAVAILABLE"
  | "PURCHASE_FAILED"
  | "USER_TRADE_RESTRICTED"
  | "USER_INVENTORY_PRIVATE"
  | "USER_ESCROW"
  | "USER_NOT_FOUND"
  | "SERVICE_UNAVAILABLE"
  | "MERCHANT_REJECTED"
  | "APPROVAL_TIMEOUT";

export interface BotInfo {
  name: string;
  avatar?: string;
  joined?: string;
  steamId?: string;
}

/** docs/assetpay-api.md#trade-items. Optional fields really are optional: a fresh `initiated` withdrawal has only id/price. */
export interface TradeItem {
  id: string;
  assetId?: string;
  appid?: number;
  name?: string;
  marketHashName?: string;
  type?: string;
  iconUrl?: string;
  tradable?: boolean;
  amount?: number;
  status?: TradeStatus;
  error?: TradeError;
  marketPrice: number;
  offer: { price: number; delivery: "standard" | "instant"; maxAmount: number; accepted: boolean };
  exterior?: string;
  rarity?: string;
  color?: string;
  wear?: number;
  paintSeed?: number;
  stickers?: Array<{ name: string; slot: number }>;
  doppler?: { status: boolean; name: string; paintIndex: number };
  fade?: { percentage: number };
}

export interface Trade {
  id: string;
  type: TradeType;
  source: TradeSource;
  status: TradeStatus;
  game: Game;
  merchantId: string;
  clientUserId?: string;
  clientSteamID: string;
  clientTradeUrl: string;
  externalId?: string;
  externalClientUserId?: string;
  items: TradeItem[];
  totalPrice: number;
  preCredit?: number;
  pendingCredit?: number;
  isInstant?: boolean;
  collateral?: { merchant: number; provider: number };
  offerID?: string;
  holdEndDate?: string;
  activeAt?: string;
  autoCancelAt?: string;
  revertedBy?: "supplier" | "user";
  error?: TradeError;
  botInfo?: BotInfo;
  createdAt: string;
  updatedAt: string;
}

/** docs/assetpay-api.md#funding-object FundingStatus, UPPERCASE as in the spec. */
export const FUNDING_STATUSES = [
  "INITIATED",
  "PENDING",
  "PENDING_ADMIN",
  "APPROVED",
  "REJECTED",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "REFUNDED",
  "EXPIRED",
] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];
export const TERMINAL_FUNDING_STATUSES: ReadonlySet<FundingStatus> = new Set([
  "REJECTED",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "REFUNDED",
  "EXPIRED",
]);

export type FundingKind = "deposit" | "withdrawal";
export type FundingToken = "USDT" | "USDC";
export type FundingChain = "ETH" | "BSC" | "SOL" | "TRON";

/**
 * The SDK types this for `deposit` events only; the `withdrawal` payload is NOT DOCUMENTED, so the
 * simulator sends the same shape for both (creditedUsd stays "0.00" on withdrawals). Decimal values
 * are strings, as the SDK types them.
 */
export interface Funding {
  id: string;
  merchantId: string | null;
  status: FundingStatus;
  amounts: { usd: string; token: string };
  asset: { token: FundingToken; chain: FundingChain; exchangeRateUsdPerToken: string };
  address: string;
  txnHash: string | null;
  creditedUsd: string;
  overpaymentUsd: string | null;
  createdAt: string;
  completedAt: string | null;
  updatedAt: string;
}

export type SimEvent =
  | { event: "trade"; payload: { trade: Trade } }
  | { event: "deposit" | "withdrawal"; payload: { funding: Funding } };

/** What `/__sim/inject` may put on the wire: deliberately not a valid SimEvent. */
export interface RawEmission {
  event: "trade" | "deposit" | "withdrawal";
  payload: unknown;
}
