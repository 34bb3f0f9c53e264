"use client";
// A feed region ("Crypto deposits" / "Crypto withdrawals"), newest first: when its (copy-on-write)
// Map changes, the feed picks out the newest entries and renders those. "View all" opens the Funding
// view (/funding) with this kind chosen; each item opens its detail there.
import Link from "next/link";
import { memo, useMemo } from "react";
import { PAINT_ISOLATED } from "@/components/ui/paint-isolated";
import { selectDeposits, selectWithdrawals } from "@/lib/store/selectors";
import { useThrottledOpsStore, type WallClockSlot } from "@/lib/store/use-throttled-ops-store";
import { fundingHref } from "@/lib/trades/funding-params";
import type { FundingKind } from "@/lib/trades/types";
import { FundingItem } from "./funding-item";
import { newestFirst } from "./newest-first";

const SHOWN = 50;
/**
 * Each feed refreshes once a second in a slot of its own, a quarter of a second from the clock's
 * whole-second tick and half a second from the other feed. Under a busy socket a refresh inserts
 * several items at the top and relays out the list; in the same frame as the tick, the two made it
 * 20-50 ms long, and trade rows changing in the first 100 ms of a second were painted late three
 * times as often as the rest (bench/RESULTS.md).
 */
const FEED_PACE: Record<FundingKind, WallClockSlot> = {
  deposit: { everyMs: 1_000, offsetMs: 250 },
  withdrawal: { everyMs: 1_000, offsetMs: 750 },
};

export const FundingFeed = memo(function FundingFeed({ kind, title }: { kind: FundingKind; title: string }) {
  // New funding shows within a second. Each refresh moves every item down the list, which costs the
  // tab a relayout and repaint of the whole column; at a busy socket's pace that was the largest
  // single drag on trade rows painting (bench/RESULTS.md), so the feeds refresh at a calmer pace.
  const feed = useThrottledOpsStore(kind === "deposit" ? selectDeposits : selectWithdrawals, FEED_PACE[kind]);
  const shown = useMemo(() => newestFirst(feed.values(), SHOWN), [feed]);
  return (
    <section aria-label={title} className={`flex max-h-[50dvh] min-h-0 flex-1 flex-col rounded-lg lg:min-h-[10rem] border border-slate-800 bg-slate-900/40 lg:max-h-none ${PAINT_ISOLATED}`}>
      <div className="flex items-baseline gap-2 border-b border-slate-800 px-3 py-1.5 text-xs">
        <h2 className="font-semibold text-slate-200">{title}</h2>
        <span className="tabular-nums text-slate-400">{feed.size > SHOWN ? `newest ${SHOWN} of ${feed.size}` : feed.size}</span>
        <Link
          href={fundingHref({ kind })}
          className="ml-auto rounded text-sky-300 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
        >
          View all<span className="sr-only"> {title.toLowerCase()}</span>
        </Link>
      </div>
      {shown.length === 0 ? (
        <p className="px-3 py-3 text-xs text-slate-500">None seen yet. Live updates and the ledger resync fill this feed.</p>
      ) : (
        // Contained: a refresh relays out this list only, never the trade board beside it (strict, so
        // also size-contained, only where the column has a fixed height; stacked, the list sizes the feed).
        <ul className="min-h-0 flex-1 overflow-y-auto contain-content lg:contain-strict">
          {shown.map((funding) => (
            <FundingItem key={funding.id} funding={funding} />
          ))}
        </ul>
      )}
    </section>
  );
});
