// Display words for trade fields on the board: game and type names, the status tone, and the
// lowercase status the rows expose as data-status. Pure.
import type { BadgeTone } from "@/components/ui/badge";
import type { Game, Trade, TradeItem, TradeStatus, TradeType } from "@/lib/trades/types";

export const GAME_LABEL: Record<Game, string> = { cs2: "CS2", rust: "Rust", other: "Other" };

export function gameLabel(trade: Pick<Trade, "game" | "gameId">): string {
  return trade.game === "other" ? `App ${trade.gameId}` : GAME_LABEL[trade.game];
}

export const TYPE_LABEL: Record<TradeType, string> = { deposit: "Deposit", withdraw: "Withdraw" };

export const STATUS_TONE: Record<TradeStatus, BadgeTone> = {
  initiated: "neutral",
  pending: "info",
  active: "info",
  hold: "progress",
  escrow: "progress",
  completed: "success",
  canceled: "muted",
  declined: "muted",
  failed: "danger",
  reverted: "danger",
  partial: "warning",
  unknown: "warning",
};

/** AssetPay's status, lowercase; for `unknown`, the raw status as it arrived. */
export function dataStatus(trade: Pick<Trade, "status" | "rawStatus">): string {
  return trade.status === "unknown" ? trade.rawStatus.toLowerCase() : trade.status;
}

/** data-game: cs2 | rust (anything else by its app id). */
export function dataGame(trade: Pick<Trade, "game" | "gameId">): string {
  return trade.game === "other" ? `app-${trade.gameId}` : trade.game;
}

/** An item's name; fresh withdrawals carry only an id until Steam metadata arrives (docs/assetpay-api.md#trade-items). */
export function itemLabel(item: Pick<TradeItem, "id" | "name" | "marketHashName">): string {
  return item.name || item.marketHashName || `Item ${item.id.slice(0, 12)} (no name yet)`;
}
