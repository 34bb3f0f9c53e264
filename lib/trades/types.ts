// Domain types for AssetPay trades and merchant crypto funding, as the rest of the app sees them.
// This file is the contract between lib/wire (parsing), lib/store, lib/live and components: keep names stable.
// It must never import runtime code or mirror raw wire shapes (those live in lib/wire).

/** Current (GG/spec) trade statuses, plus the legacy-only escrow/partial and our own `unknown`. */
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
  "escrow",
  "partial",
  "unknown",
] as const;

export type TradeStatus = (typeof TRADE_STATUSES)[number];

/** Game derived from the wire `game` app id ("730" → cs2, "252490" → rust); the raw id stays in `gameId`. */
export type Game = "cs2" | "rust" | "other";

export type TradeType = "deposit" | "withdraw";

export type TradeSource = "client" | "self";

/** Which contract a payload looked like: lowercase GG/spec ("current") or UPPERCASE CO ("legacy"). */
export type ContractFlavor = "current" | "legacy";

export interface TradeItem {
  id: string;
  name: string;
  marketHashName?: string;
  amount?: number;
  /** USD dollars: `offer.price` when present, else `marketPrice`. */
  price?: number;
  status?: string;
  error?: string;
  iconUrl?: string;
  exterior?: string;
}

export interface BotInfo {
  name: string;
  avatar?: string;
  steamId?: string;
  joined?: string;
}

export interface Trade {
  id: string;
  type: TradeType;
  source?: TradeSource;
  /** Mapped by meaning (legacy PENDING → active, ACTIVE → hold); `unknown` when not recognised. */
  status: TradeStatus;
  /** Status exactly as it arrived on the wire (e.g. "PENDING", "hold", "SOMETHING_NEW"). */
  rawStatus: string;
  game: Game;
  gameId: string;
  merchantId?: string;
  clientUserId?: string;
  /** SteamID64 of the end user (wire field `clientSteamID`). */
  clientSteamId: string;
  clientTradeUrl?: string;
  externalId?: string;
  externalClientUserId?: string;
  items: TradeItem[];
  /** USD dollars. */
  totalPrice: number;
  preCredit?: number;
  pendingCredit?: number;
  isInstant?: boolean;
  /** Steam trade offer id (wire field `offerID`). */
  offerId?: string;
  // Times below are ISO strings exactly as on the wire; ages are computed against the store clock.
  holdEndDate?: string;
  activeAt?: string;
  autoCancelAt?: string;
  readyAt?: string;
  revertedBy?: string;
  /** Trade-level failure code (see lib/trades/status-classes failure explanations). */
  error?: string;
  botInfo?: BotInfo;
  createdAt: string;
  updatedAt: string;
}

export type FundingKind = "deposit" | "withdrawal";

/** Merchant funding statuses lowercased from the spec's UPPERCASE set; `posted` appears on admin ledger rows. */
export const FUNDING_STATUSES = [
  "initiated",
  "pending",
  "pending_admin",
  "approved",
  "rejected",
  "completed",
  "failed",
  "cancelled",
  "refunded",
  "expired",
  "posted",
  "unknown",
] as const;

export type FundingStatus = (typeof FUNDING_STATUSES)[number];

export interface Funding {
  id: string;
  kind: FundingKind;
  status: FundingStatus;
  rawStatus: string;
  /** Decimal string as on the wire (ledger numbers are converted to strings) — never float-summed. */
  amountUsd: string | null;
  amountToken: string | null;
  token?: string;
  chain?: string;
  address?: string;
  txnHash?: string;
  creditedUsd?: string;
  createdAt: string;
  updatedAt?: string;
  completedAt?: string;
}
