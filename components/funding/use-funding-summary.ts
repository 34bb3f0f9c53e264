"use client";
// The Funding view's rows and counts from the store's deposits and withdrawals. The clock is read in
// 5-second steps: stuck is judged in minutes, and the ages tick by themselves (RelativeTime).
import { useMemo } from "react";
import { selectDeposits, selectWithdrawals } from "@/lib/store/selectors";
import { useOpsStore } from "@/lib/store/use-ops-store";
import { summarizeFunding, type FundingSummary } from "@/lib/trades/funding-filter";
import type { FundingParams } from "@/lib/trades/funding-params";

const CLOCK_STEP_MS = 5_000;

export function useFundingSummary(params: FundingParams, stuckLimitMs: number): FundingSummary {
  const deposits = useOpsStore(selectDeposits);
  const withdrawals = useOpsStore(selectWithdrawals);
  const now = useOpsStore((state) => Math.floor(state.now / CLOCK_STEP_MS) * CLOCK_STEP_MS);
  return useMemo(() => {
    const held = function* () {
      yield* deposits.values();
      yield* withdrawals.values();
    };
    return summarizeFunding(held(), params, now, stuckLimitMs);
  }, [deposits, withdrawals, params, now, stuckLimitMs]);
}
