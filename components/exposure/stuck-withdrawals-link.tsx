"use client";
// The Exposure region's one figure that is not a trade: crypto withdrawals waiting (for approval or an
// AssetPay admin) beyond the funding alert's limit. It links to the Funding view of those withdrawals.
import Link from "next/link";
import { WarningIcon } from "@/components/ui/warning-icon";
import { useMemo } from "react";
import { selectWithdrawals } from "@/lib/store/selectors";
import { useOpsStore } from "@/lib/store/use-ops-store";
import { useThrottledOpsStore } from "@/lib/store/use-throttled-ops-store";
import { countStuckWithdrawals } from "@/lib/trades/exposure";
import { formatDuration } from "@/lib/trades/format";

export const STUCK_WITHDRAWALS_HREF = "/funding?kind=withdrawal&stuck=1";

/** How often the count is looked at again: a limit of minutes needs no finer clock, and the feed can be busy. */
const STUCK_RECHECK_MS = 5_000;

export function StuckWithdrawalsLink({ stuckMs }: { stuckMs: number }) {
  const withdrawals = useThrottledOpsStore(selectWithdrawals, STUCK_RECHECK_MS);
  const tick = useOpsStore((s) => Math.floor(s.now / STUCK_RECHECK_MS));
  const stuck = useMemo(() => countStuckWithdrawals(withdrawals.values(), tick * STUCK_RECHECK_MS, stuckMs), [withdrawals, tick, stuckMs]);
  const limit = formatDuration(stuckMs);
  const warn = stuck > 0;
  return (
    <Link
      href={STUCK_WITHDRAWALS_HREF}
      aria-label={`Withdrawals stuck: ${stuck} awaiting approval over ${limit}`}
      title={`Crypto withdrawals awaiting approval or an AssetPay admin for longer than ${limit} (the funding alert's limit)`}
      className={`flex min-w-0 flex-col rounded-lg border px-3 py-1.5 hover:bg-slate-800/60 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 ${
        warn ? "border-amber-500/70 bg-amber-500/10" : "border-slate-800 bg-slate-900/60"
      }`}
    >
      <span className={`truncate text-xs font-semibold uppercase tracking-wide ${warn ? "text-amber-200" : "text-slate-400"}`}>Withdrawals stuck</span>
      <span className="flex items-baseline gap-2">
        <span className={`inline-flex items-center gap-1 text-base font-semibold leading-6 tabular-nums ${warn ? "text-amber-100" : "text-white"}`} data-testid="stuck-withdrawals">
          {warn ? <WarningIcon className="h-4 w-4 text-amber-400" /> : null}
          {stuck}
        </span>
        <span className="truncate text-xs text-slate-400">over {limit}</span>
      </span>
    </Link>
  );
}
