"use client";
// One deposit or withdrawal in the Funding table: kind, amount (USD, and the token amount from sm up),
// status with the Stuck flag, chain, address (shortened; in full in the detail), and age (on a phone,
// under the kind). The whole row
// opens the detail; the kind cell holds the real button for keyboards and screen readers.
import { memo } from "react";
import { FundingStatusBadge } from "@/components/funding-feed/funding-status-badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { middleEllipsis } from "@/components/ui/short-text";
import { formatUsdDecimal } from "@/lib/trades/format";
import type { Funding } from "@/lib/trades/types";
import { KIND_LABEL, tokenAmount } from "./funding-labels";
import { StuckFlag } from "./stuck-flag";

interface FundingRowProps {
  funding: Funding;
  stuckReason: string | undefined;
  onOpen: (funding: Funding) => void;
}

export const FundingRow = memo(function FundingRow({ funding, stuckReason, onOpen }: FundingRowProps) {
  const usd = formatUsdDecimal(funding.amountUsd);
  const token = tokenAmount(funding);
  return (
    <tr
      data-funding-id={funding.id}
      data-kind={funding.kind}
      data-status={funding.status}
      data-stuck={stuckReason !== undefined ? "true" : "false"}
      onClick={() => onOpen(funding)}
      className={`cursor-pointer border-b border-l-2 border-b-slate-800/70 align-top text-xs hover:bg-slate-800/50 ${stuckReason !== undefined ? "border-l-amber-400 bg-amber-400/[0.06]" : "border-l-transparent"}`}
    >
      <td className="px-1.5 py-1.5 sm:px-2">
        <button
          type="button"
          onClick={(event) => {
            event.stopPropagation();
            onOpen(funding);
          }}
          className="rounded text-left font-medium text-sky-300 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
        >
          {KIND_LABEL[funding.kind]}
          <span className="sr-only"> {usd} details</span>
        </button>
        {/* On a phone the age sits under the kind, so the four columns fit without wrapping. */}
        <RelativeTime at={funding.createdAt} className="block whitespace-nowrap text-slate-400 sm:hidden" />
      </td>
      <td className="px-1.5 py-1.5 sm:px-2 text-right tabular-nums">
        <span className="font-semibold text-slate-100">{usd}</span>
        {token ? <span className="hidden text-slate-400 sm:block">{token}</span> : null}
      </td>
      <td className="px-1.5 py-1.5 sm:px-2">
        <div className="flex flex-col items-start gap-0.5">
          <FundingStatusBadge status={funding.status} rawStatus={funding.rawStatus} />
          {stuckReason !== undefined ? <StuckFlag reason={stuckReason} /> : null}
        </div>
      </td>
      <td className="hidden px-1.5 py-1.5 sm:px-2 text-slate-300 sm:table-cell">{funding.chain ?? "—"}</td>
      <td className="hidden px-1.5 py-1.5 sm:px-2 font-mono text-slate-400 md:table-cell" title={funding.address}>
        {funding.address ? middleEllipsis(funding.address, 6, 4) : "—"}
      </td>
      <td className="hidden whitespace-nowrap px-2 py-1.5 text-right text-slate-400 sm:table-cell">
        <RelativeTime at={funding.createdAt} />
      </td>
    </tr>
  );
});
