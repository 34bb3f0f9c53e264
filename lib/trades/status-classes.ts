// Which trade statuses are in flight vs terminal, and what each one means in words for operators.
// Pure data, no I/O. Never decide terminality anywhere else: retention, stall rules and resync use this.
import type { TradeStatus } from "./types";

export { FAILURE_CODES, explainFailureCode } from "./failure-codes";
export { FUNDING_STATUS_INFO, isTerminalFundingStatus } from "./funding-status";

/**
 * Terminal statuses never change again in practice (completed→reverted is allowed and simply applies,
 * as updates are accepted by updatedAt, not by class). `unknown` is deliberately NOT terminal: we cannot
 * tell whether it will move, so it stays "in flight", is never evicted by retention, and stall rules
 * flag it after a short limit so someone looks at it.
 */
const TERMINAL: ReadonlySet<TradeStatus> = new Set<TradeStatus>([
  "completed",
  "canceled",
  "declined",
  "failed",
  "reverted",
  "partial",
]);

export function isTerminalStatus(status: TradeStatus): boolean {
  return TERMINAL.has(status);
}

export function isInFlightStatus(status: TradeStatus): boolean {
  return !TERMINAL.has(status);
}

export interface StatusInfo {
  label: string;
  meaning: string;
  terminal: boolean;
}

export const TRADE_STATUS_INFO: Readonly<Record<TradeStatus, StatusInfo>> = {
  initiated: {
    label: "Initiated",
    meaning: "Created. Deposit: offer not sent yet. Withdraw: waiting for the merchant's approval callback.",
    terminal: false,
  },
  pending: {
    label: "Pending",
    meaning: "Withdraw: AssetPay is sourcing or buying the items. Deposit: offer created, bot not confirmed yet.",
    terminal: false,
  },
  active: { label: "Offer sent", meaning: "Steam offer sent to the user, waiting for them to accept.", terminal: false },
  hold: { label: "On hold", meaning: "Accepted; items are in Steam's trade protection window.", terminal: false },
  escrow: {
    label: "Escrow",
    meaning: "Legacy status: Steam escrow because the user has no mobile authenticator (7+ days).",
    terminal: false,
  },
  completed: { label: "Completed", meaning: "Done: the hold ended without a reversal.", terminal: true },
  canceled: { label: "Canceled", meaning: "Cancelled before completion by an admin, the user or auto-cancel.", terminal: true },
  declined: {
    label: "Declined",
    meaning: "The user declined or let the offer lapse. Withdraw: refunded minus the buyer-decline penalty.",
    terminal: true,
  },
  failed: {
    label: "Failed",
    meaning: "Offer expired, approval rejected, supplier purchase failed or another error (see the code).",
    terminal: true,
  },
  reverted: { label: "Reverted", meaning: "Reversed by the supplier or the user after acceptance.", terminal: true },
  partial: { label: "Partial", meaning: "Legacy status: some items of a multi-item trade failed.", terminal: true },
  unknown: {
    label: "Unknown status",
    meaning: "AssetPay sent a status this dashboard does not know; check the trade in AssetPay.",
    terminal: false,
  },
};

export function statusLabel(status: TradeStatus): string {
  return TRADE_STATUS_INFO[status].label;
}
