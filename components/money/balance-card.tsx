"use client";
// The merchant's AssetPay balance (spendable, with pending and escrow), polled every 30 s, with when it
// was fetched. A failed poll keeps the last value and says it is not current.
import { RelativeTime } from "@/components/ui/relative-time";
import { formatUsd } from "@/lib/trades/format";
import { StatCard } from "./stat-card";
import { useMerchantBalance } from "./use-merchant-balance";

export function BalanceCard() {
  const { data, fetchedAt, error, signedOut } = useMerchantBalance();
  const value = data ? formatUsd(data.balance) : error ? "—" : "…";
  const detail = signedOut ? (
    <span className="text-amber-200">Session ended — sign in again</span>
  ) : error ? (
    <span className="text-amber-200" title={error}>
      {data ? "Not current: " : ""}
      {error}
    </span>
  ) : data ? (
    [data.pendingBalance !== null ? `pending ${formatUsd(data.pendingBalance)}` : null, data.escrowBalance !== null ? `escrow ${formatUsd(data.escrowBalance)}` : null]
      .filter(Boolean)
      .join(" · ") || "USD"
  ) : (
    "Fetching…"
  );
  return (
    <StatCard
      className="col-span-2"
      label="Balance"
      value={value}
      detail={detail}
      title="Spendable AssetPay balance (GET /v1/wallets/me/balance), refreshed every 30 s. Pending: uncleared deposits and funds locked for withdrawals. Escrow: skin deposits still in hold."
      testId="balance"
      aside={fetchedAt !== null ? <>fetched <RelativeTime at={fetchedAt} /></> : null}
    />
  );
}
