// Words for a funding item's kind and its token amount, shared by the table and the detail.
import type { Funding, FundingKind } from "@/lib/trades/types";

export const KIND_LABEL: Record<FundingKind, string> = { deposit: "Deposit", withdrawal: "Withdrawal" };

/** "1000.000000 USDT" exactly as the event gave it; null when the event carries no token amount. */
export function tokenAmount(funding: Funding): string | null {
  if (funding.amountToken === null) return null;
  return funding.token ? `${funding.amountToken} ${funding.token}` : funding.amountToken;
}
