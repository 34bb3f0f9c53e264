"use client";
// A feed region ("Crypto deposits" / "Crypto withdrawals"), newest first. Funding volume is small, so
// the feed sorts its whole (copy-on-write) Map when it changes and renders the newest entries.
import { useMemo } from "react";
import { selectDeposits, selectWithdrawals } from "@/lib/store/selectors";
import { useThrottledOpsStore } from "@/lib/store/use-throttled-ops-store";
import type { FundingKind } from "@/lib/trades/types";
import { FundingItem } from "./funding-item";
import { newestFirst } from "./newest-first";

const SHOWN = 50;

export function FundingFeed({ kind, title }: { kind: FundingKind; title: string }) {
  // New funding shows within a quarter second; faster would only repaint the column more often.
  const feed = useThrottledOpsStore(kind === "deposit" ? selectDeposits : selectWithdrawals, 250);
  const list = useMemo(() => newestFirst(feed.values()), [feed]);
  const shown = list.slice(0, SHOWN);
  return (
    <section aria-label={title} className="flex max-h-[50dvh] min-h-0 flex-1 flex-col rounded-lg border border-slate-800 bg-slate-900/40 lg:max-h-none">
      <h2 className="flex items-baseline justify-between border-b border-slate-800 px-3 py-1.5 text-xs font-semibold text-slate-200">
        {title}
        <span className="font-normal tabular-nums text-slate-500">
          {list.length > SHOWN ? `newest ${SHOWN} of ${list.length}` : list.length}
        </span>
      </h2>
      {shown.length === 0 ? (
        <p className="px-3 py-3 text-xs text-slate-500">None seen yet. Live updates and the ledger resync fill this feed.</p>
      ) : (
        <ul className="min-h-0 flex-1 overflow-y-auto">
          {shown.map((funding) => (
            <FundingItem key={funding.id} funding={funding} />
          ))}
        </ul>
      )}
    </section>
  );
}
