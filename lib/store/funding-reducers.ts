// Newer-only application of merchant funding updates (deposits / withdrawals feeds). Funding volume is
// small, so these Maps are copied on write: a changed feed gets a new Map, an unchanged one keeps its.
// Never let a replayed non-terminal update overwrite a terminal one with the same timestamp.
import { isTerminalFundingStatus } from "@/lib/trades/funding-status";
import { fundingStampMs } from "@/lib/trades/funding-stamp";
import type { Funding } from "@/lib/trades/types";
import { oldestKeys } from "./eviction";
import { DEFAULT_FUNDING_CAP, type FundingState, type OpsState } from "./state";

type Outcome = "applied" | "duplicate" | "stale";

function classify(prev: Funding | undefined, next: Funding): Outcome {
  if (!prev) return "applied";
  const a = fundingStampMs(prev);
  const b = fundingStampMs(next);
  if (b > a) return "applied";
  if (b < a) return "stale";
  if (JSON.stringify(prev) === JSON.stringify(next)) return "duplicate";
  return isTerminalFundingStatus(prev.status) && !isTerminalFundingStatus(next.status) ? "stale" : "applied";
}

function enforceCap(feed: Map<string, Funding>, cap: number): void {
  if (feed.size <= cap) return;
  const terminal = function* () {
    for (const [key, f] of feed) if (isTerminalFundingStatus(f.status)) yield { key, ms: fundingStampMs(f) };
  };
  for (const key of oldestKeys(terminal(), feed.size - cap)) feed.delete(key);
}

export interface FundingBatchCounts {
  changed: number;
  duplicates: number;
  stale: number;
}

export function applyFundingBatch(
  funding: FundingState,
  updates: readonly Funding[],
  cap: number = DEFAULT_FUNDING_CAP,
): { funding: FundingState; counts: FundingBatchCounts } {
  const counts: FundingBatchCounts = { changed: 0, duplicates: 0, stale: 0 };
  let deposits: Map<string, Funding> | null = null;
  let withdrawals: Map<string, Funding> | null = null;
  for (const update of updates) {
    const isDeposit = update.kind === "deposit";
    const current = isDeposit ? (deposits ?? funding.deposits) : (withdrawals ?? funding.withdrawals);
    const outcome = classify(current.get(update.id), update);
    if (outcome === "duplicate") counts.duplicates += 1;
    else if (outcome === "stale") counts.stale += 1;
    else {
      counts.changed += 1;
      if (isDeposit) (deposits ??= new Map(funding.deposits)).set(update.id, update);
      else (withdrawals ??= new Map(funding.withdrawals)).set(update.id, update);
    }
  }
  if (deposits) enforceCap(deposits, cap);
  if (withdrawals) enforceCap(withdrawals, cap);
  if (!deposits && !withdrawals) return { funding, counts };
  return { funding: { deposits: deposits ?? funding.deposits, withdrawals: withdrawals ?? funding.withdrawals }, counts };
}

/** Live funding events: counts duplicates and stale updates in diagnostics. */
export function applyFundingEvents(state: OpsState, updates: readonly Funding[]): OpsState {
  if (updates.length === 0) return state;
  const { funding, counts } = applyFundingBatch(state.funding, updates);
  return {
    ...state,
    funding,
    diagnostics: {
      ...state.diagnostics,
      duplicatesIgnored: state.diagnostics.duplicatesIgnored + counts.duplicates,
      staleIgnored: state.diagnostics.staleIgnored + counts.stale,
    },
  };
}
