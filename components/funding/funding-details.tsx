"use client";
// Everything known about one deposit or withdrawal, live from the store: status and its (inferred)
// meaning, the Stuck flag, amounts in USD and token, chain, confirmations, address and transaction hash
// in full with copy buttons and explorer links (lib/trades/explorers.ts), and its times. What
// AssetPay's funding object does not carry (confirmations: docs/assetpay-api.md#funding-object) is said
// to be "not reported", never guessed.
import type { ReactNode } from "react";
import { FundingStatusBadge } from "@/components/funding-feed/funding-status-badge";
import { DetailField } from "@/components/trade-board/detail-field";
import { CopyButton } from "@/components/ui/copy-button";
import { ExactTime } from "@/components/ui/exact-time";
import { RelativeTime } from "@/components/ui/relative-time";
import { ShownText } from "@/components/ui/shown-text";
import { WarningIcon } from "@/components/ui/warning-icon";
import { formatUsdDecimal } from "@/lib/trades/format";
import { FUNDING_STATUS_INFO } from "@/lib/trades/funding-status";
import type { Funding } from "@/lib/trades/types";
import { ExplorerLink } from "./explorer-link";
import { KIND_LABEL, tokenAmount } from "./funding-labels";

const NOT_REPORTED = "Not reported by AssetPay";

function When({ iso }: { iso: string }) {
  return (
    <span>
      <ExactTime at={iso} /> <span className="text-slate-400">(<RelativeTime at={iso} />)</span>
    </span>
  );
}

function Reference({ value, label, children }: { value: string | undefined; label: string; children?: ReactNode }) {
  if (!value) return <span className="text-slate-400">{NOT_REPORTED}</span>;
  return (
    <span className="flex flex-col items-start gap-1">
      <span className="flex items-start gap-2">
        <span className="min-w-0 break-all font-mono text-[12px]">
          <ShownText value={value} />
        </span>
        <CopyButton value={value} label={`Copy ${label}`} />
      </span>
      {children}
    </span>
  );
}

interface FundingDetailsProps {
  funding: Funding;
  stuckReason: string | undefined;
  header: (title: string) => ReactNode;
}

export function FundingDetails({ funding, stuckReason, header }: FundingDetailsProps) {
  const info = FUNDING_STATUS_INFO[funding.status];
  const usd = formatUsdDecimal(funding.amountUsd);
  return (
    <div className="flex h-full flex-col">
      {header(`${KIND_LABEL[funding.kind]} · ${usd}`)}
      <div className="min-h-0 flex-1 overflow-y-auto pb-6 text-xs">
        <div className="space-y-2 px-5 pb-3">
          <div className="flex flex-wrap items-center gap-2">
            <FundingStatusBadge status={funding.status} rawStatus={funding.rawStatus} />
            <span className="text-slate-400">
              created <RelativeTime at={funding.createdAt} />
            </span>
          </div>
          <p className="text-slate-300">{info.meaning} AssetPay does not document what each funding status means.</p>
          {stuckReason !== undefined ? (
            <div role="note" className="flex gap-2 rounded-md border border-amber-500/60 bg-amber-500/10 p-2.5 text-amber-100">
              <WarningIcon className="mt-px h-4 w-4 text-amber-400" />
              <p>{stuckReason}.</p>
            </div>
          ) : null}
        </div>
        <section aria-label="Amounts and chain" className="border-t border-slate-800 px-5 py-3">
          <dl>
            <DetailField label="Amount (USD)">{usd}</DetailField>
            <DetailField label="Amount (token)">{tokenAmount(funding) ?? NOT_REPORTED}</DetailField>
            <DetailField label="Credited (USD)">{funding.creditedUsd !== undefined ? formatUsdDecimal(funding.creditedUsd) : null}</DetailField>
            <DetailField label="Chain">{funding.chain ?? NOT_REPORTED}</DetailField>
            <DetailField label="Confirmations" hint="AssetPay's funding events carry no confirmation count (docs/assetpay-api.md).">
              {NOT_REPORTED}
            </DetailField>
            <DetailField label="Minimum confirmations" hint="AssetPay's funding events carry no minimum (docs/assetpay-api.md).">
              {NOT_REPORTED}
            </DetailField>
          </dl>
        </section>
        <section aria-label="References" className="border-t border-slate-800 px-5 py-3">
          <dl>
            <DetailField label="Address">
              <Reference value={funding.address} label="address">
                <ExplorerLink chain={funding.chain} target="address" value={funding.address} />
              </Reference>
            </DetailField>
            <DetailField label="Transaction hash">
              <Reference value={funding.txnHash} label="transaction hash">
                <ExplorerLink chain={funding.chain} target="tx" value={funding.txnHash} />
              </Reference>
            </DetailField>
            <DetailField label="Funding id">
              <Reference value={funding.id} label="funding id" />
            </DetailField>
            <DetailField label="AssetPay status">
              <span className="font-mono text-[12px]">{funding.rawStatus}</span>
            </DetailField>
          </dl>
        </section>
        <section aria-label="Times" className="border-t border-slate-800 px-5 py-3">
          <dl>
            <DetailField label="Created">{funding.createdAt ? <When iso={funding.createdAt} /> : null}</DetailField>
            <DetailField label="Last changed">{funding.updatedAt ? <When iso={funding.updatedAt} /> : null}</DetailField>
            <DetailField label="Completed">{funding.completedAt ? <When iso={funding.completedAt} /> : null}</DetailField>
          </dl>
        </section>
      </div>
    </div>
  );
}
