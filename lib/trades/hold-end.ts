// When a trade's hold ends, but only while the trade is on hold (or the legacy escrow): AssetPay keeps
// `holdEndDate` on a trade after it moves on, and "Hold ends in 6 d 23 h" on a finished trade is false.
import type { TradeStatus } from "./types";

const HOLDING_STATUSES: ReadonlySet<TradeStatus> = new Set(["hold", "escrow"]);

export function shownHoldEndMs(status: TradeStatus, holdEndMs: number | null): number | null {
  return HOLDING_STATUSES.has(status) ? holdEndMs : null;
}
