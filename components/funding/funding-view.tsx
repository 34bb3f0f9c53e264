"use client";
// The Funding page's content: the connection banner, the filters, the Funding table and the detail of
// the item named in the URL. Reads the page's ops store (deposits and withdrawals), like the board's feeds.
import Link from "next/link";
import { useCallback } from "react";
import { ConnectionBanner } from "@/components/connection-banner/connection-banner";
import { HEADER_CONTROL } from "@/components/dashboard/header-link";
import { selectDeposits, selectWithdrawals } from "@/lib/store/selectors";
import { useOpsStore } from "@/lib/store/use-ops-store";
import { findFunding } from "@/lib/trades/funding-filter";
import { DEFAULT_FUNDING_PARAMS, hasFundingFilter } from "@/lib/trades/funding-params";
import type { Funding } from "@/lib/trades/types";
import { FundingDrawer } from "./funding-drawer";
import { FundingTable } from "./funding-table";
import { FundingToolbar } from "./funding-toolbar";
import { useFundingParams } from "./use-funding-params";
import { useFundingSummary } from "./use-funding-summary";

const COUNT = new Intl.NumberFormat("en-US");

export function FundingView({ initialQuery, stuckLimitMs }: { initialQuery: string; stuckLimitMs: number }) {
  const [params, update] = useFundingParams(initialQuery);
  const summary = useFundingSummary(params, stuckLimitMs);
  const deposits = useOpsStore(selectDeposits);
  const withdrawals = useOpsStore(selectWithdrawals);
  const open = params.item === null ? undefined : findFunding(deposits, withdrawals, params.item, params.kind);
  const onOpen = useCallback((funding: Funding) => update((p) => ({ ...p, item: funding.id })), [update]);
  const filtered = hasFundingFilter(params);
  return (
    <main className="flex flex-col gap-2 px-3 py-2 lg:h-[calc(100dvh-55px)] lg:min-h-[36rem]">
      <div className="flex flex-wrap items-center gap-3">
        <ConnectionBanner />
      </div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-base font-semibold text-white">
          Crypto funding{" "}
          <span className="text-sm font-normal text-slate-400">
            <span data-testid="funding-count" className="tabular-nums">
              {COUNT.format(summary.rows.length)}
            </span>{" "}
            {filtered ? `of ${COUNT.format(summary.total)} shown` : "deposits and withdrawals"}
          </span>
        </h1>
        <div className="flex items-center gap-2 text-sm">
          {filtered ? (
            <button type="button" onClick={() => update((p) => ({ ...DEFAULT_FUNDING_PARAMS, item: p.item }))} className={HEADER_CONTROL}>
              Clear filters
            </button>
          ) : null}
          <Link href="/board" className={HEADER_CONTROL}>
            Board
          </Link>
        </div>
      </div>
      <FundingToolbar params={params} update={update} summary={summary} />
      <FundingTable
        rows={summary.rows}
        stuck={summary.stuck}
        onOpen={onOpen}
        emptyText={summary.total === 0 ? "None seen yet. Live updates and the ledger resync fill this view." : "Nothing matches these filters."}
      />
      <FundingDrawer
        id={params.item}
        funding={open}
        stuckReason={open ? summary.stuck.get(open.id) : undefined}
        onClose={() => update((p) => ({ ...p, item: null }))}
      />
    </main>
  );
}
