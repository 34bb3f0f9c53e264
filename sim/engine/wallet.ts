// The merchant wallet as a pure function of ground truth: each trade or funding contributes to
// balance / pendingBalance / escrowBalance according to its current status. Deriving it (instead of
// keeping running totals) means control-API moves can never leave the balance inconsistent.

import { round2 } from "./time";
import type { Funding, FundingKind, Trade } from "./wire";

export interface WalletTotals {
  balance: number;
  pendingBalance: number;
  escrowBalance: number;
}

export const STARTING_BALANCE_USD = 50_000;

export function emptyTotals(): WalletTotals {
  return { balance: 0, pendingBalance: 0, escrowBalance: 0 };
}

export function addTradeEffect(totals: WalletTotals, trade: Trade, sign = 1): void {
  const total = trade.totalPrice * sign;
  if (trade.type === "deposit") {
    if (trade.status === "hold") {
      // preCredit is spendable at hold; the rest waits for the protection window (docs/assetpay-api.md#trade-fields).
      totals.balance += (trade.preCredit ?? 0) * sign;
      totals.escrowBalance += (trade.pendingCredit ?? 0) * sign;
    } else if (trade.status === "completed") {
      totals.balance += total;
    }
    return;
  }
  switch (trade.status) {
    case "pending":
    case "active":
    case "hold":
      // Approved withdrawals lock the funds until they settle (docs/assetpay-api.md#rest: pendingBalance).
      totals.balance -= total;
      totals.pendingBalance += total;
      break;
    case "completed":
      totals.balance -= total;
      break;
    case "declined":
      // Refund minus the 2 % buyer-decline penalty, capped at $9 (docs/assetpay-api.md#trade-statuses).
      totals.balance -= Math.min(trade.totalPrice * 0.02, 9) * sign;
      break;
    default:
      break;
  }
}

export function addFundingEffect(totals: WalletTotals, funding: Funding, kind: FundingKind, sign = 1): void {
  const usd = Number(funding.amounts.usd) * sign;
  if (kind === "deposit") {
    if (funding.status === "PENDING") totals.pendingBalance += usd;
    if (funding.status === "COMPLETED") totals.balance += Number(funding.creditedUsd) * sign;
    return;
  }
  if (funding.status === "INITIATED" || funding.status === "PENDING_ADMIN" || funding.status === "APPROVED") {
    totals.balance -= usd;
    totals.pendingBalance += usd;
  } else if (funding.status === "COMPLETED") {
    totals.balance -= usd;
  }
}

export function rounded(totals: WalletTotals): WalletTotals {
  return {
    balance: round2(totals.balance),
    pendingBalance: round2(totals.pendingBalance),
    escrowBalance: round2(totals.escrowBalance),
  };
}
