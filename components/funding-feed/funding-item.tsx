// One merchant crypto deposit or withdrawal: amount in USD and token, chain, address and transaction
// hash (shortened, copyable), status with its meaning, and when. Amount, status and age are never cut
// (the line wraps instead); the summary is a link to the item's detail in the Funding view.
import Link from "next/link";
import { memo } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { middleEllipsis, trimDecimal } from "@/components/ui/short-text";
import { fundingHref } from "@/lib/trades/funding-params";
import { FUNDING_STATUS_INFO } from "@/lib/trades/funding-status";
import { formatUsdDecimal } from "@/lib/trades/format";
import type { Funding } from "@/lib/trades/types";
import { FundingStatusBadge } from "./funding-status-badge";
import { ShownText } from "@/components/ui/shown-text";

export const FundingItem = memo(function FundingItem({ funding }: { funding: Funding }) {
  const token = [funding.amountToken ? trimDecimal(funding.amountToken) : null, funding.token].filter(Boolean).join(" ");
  const meaning = FUNDING_STATUS_INFO[funding.status].meaning;
  return (
    // Items scrolled out of the feed skip layout and paint (content-visibility), and keep their last
    // height as a placeholder; they stay in the accessibility tree and find-in-page.
    <li
      data-funding-id={funding.id}
      data-status={funding.status}
      className="border-b border-slate-800/80 px-3 py-1.5 text-xs [contain-intrinsic-size:auto_3.5rem] [content-visibility:auto] last:border-b-0 hover:bg-slate-800/40"
    >
      {/* No prefetch: a feed holds up to 50 items per kind, each its own /funding address. */}
      <Link
        href={fundingHref({ item: funding.id })}
        prefetch={false}
        className="block rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
        title={`${funding.amountToken ?? ""} ${funding.token ?? ""} — ${meaning}`}
      >
        <span className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
          <span className="shrink-0">
            <FundingStatusBadge status={funding.status} rawStatus={funding.rawStatus} />
          </span>
          <span className="shrink-0 font-semibold tabular-nums text-slate-100">{formatUsdDecimal(funding.amountUsd)}</span>
          <RelativeTime at={funding.createdAt} className="ml-auto shrink-0 whitespace-nowrap text-xs text-slate-400" />
        </span>
        <span className="mt-0.5 block truncate text-xs text-slate-400">
          {token ? <span className="tabular-nums text-slate-300">{token}</span> : null}
          {funding.chain ? <span className="text-slate-300"> on {funding.chain}</span> : null}
          <span className="text-slate-400">
            {token || funding.chain ? " · " : ""}
            {meaning}
          </span>
        </span>
      </Link>
      {funding.address || funding.txnHash ? (
        <div className="mt-1 flex items-center gap-x-2 text-xs text-slate-400">
          {funding.address ? (
            <span className="flex min-w-0 items-center gap-1">
              <span className="font-mono" title={`Address ${funding.address}`}>
                <ShownText value={funding.address} shorten={(text) => middleEllipsis(text, 5, 4)} />
              </span>
              <CopyButton value={funding.address} label="Copy address" />
            </span>
          ) : null}
          {funding.txnHash ? (
            <span className="flex min-w-0 items-center gap-1">
              <span className="text-slate-400">tx</span>
              <span className="font-mono" title={`Transaction ${funding.txnHash}`}>
                {middleEllipsis(funding.txnHash, 5, 4)}
              </span>
              <CopyButton value={funding.txnHash} label="Copy transaction hash" />
            </span>
          ) : null}
        </div>
      ) : null}
    </li>
  );
});
