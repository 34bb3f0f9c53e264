// Meanings and terminality of merchant funding statuses. AssetPay documents the names only, so every
// meaning and the terminal set here are INFERRED (docs/assetpay-api.md#funding-object); say so in the UI, never as fact.
import type { FundingStatus } from "./types";

export interface FundingStatusInfo {
  label: string;
  /** Inferred from the status name; AssetPay does not document per-status meaning. */
  meaning: string;
  terminal: boolean;
}

export const FUNDING_STATUS_INFO: Readonly<Record<FundingStatus, FundingStatusInfo>> = {
  initiated: { label: "Initiated", meaning: "Created, nothing received or sent yet (inferred).", terminal: false },
  pending: { label: "Pending", meaning: "Waiting for the chain or processing (inferred).", terminal: false },
  pending_admin: { label: "Awaiting admin", meaning: "Waiting for an AssetPay admin to review (inferred).", terminal: false },
  approved: { label: "Approved", meaning: "Approved, not yet settled (inferred).", terminal: false },
  rejected: { label: "Rejected", meaning: "Rejected; no funds moved (inferred).", terminal: true },
  completed: { label: "Completed", meaning: "Settled (inferred).", terminal: true },
  failed: { label: "Failed", meaning: "Failed (inferred).", terminal: true },
  cancelled: { label: "Cancelled", meaning: "Cancelled before settlement (inferred).", terminal: true },
  refunded: { label: "Refunded", meaning: "Funds returned (inferred).", terminal: true },
  expired: { label: "Expired", meaning: "Expired before payment arrived (inferred).", terminal: true },
  posted: { label: "Posted", meaning: "Admin ledger entry posted (inferred).", terminal: true },
  unknown: { label: "Unknown status", meaning: "A status this dashboard does not know.", terminal: false },
};

export function isTerminalFundingStatus(status: FundingStatus): boolean {
  return FUNDING_STATUS_INFO[status].terminal;
}
