"use client";
// Everything that matters about one trade, live from the store: stall verdict in words, failure code
// explained, money and credits, hold countdown, references (copyable), bot, items and the status
// history (the event recorder's merged with the page's own; shown too for a trade the board does not hold).
// The customer's Steam trade URL only for roles that may see it: a viewer's own AssetPay socket still
// carries it (docs/architecture.md), so the page must not show what the server already withholds.
import { type ReactNode, useMemo } from "react";
import { useCan } from "@/components/staff/staff-context";
import { CopyButton } from "@/components/ui/copy-button";
import { DrawerHeader } from "@/components/ui/side-drawer";
import { ExactTime } from "@/components/ui/exact-time";
import { RelativeTime } from "@/components/ui/relative-time";
import { toMs } from "@/lib/time/format-time";
import { shownHoldEndMs } from "@/lib/trades/hold-end";
import { WarningIcon } from "@/components/ui/warning-icon";
import { selectStallReason, selectTrade } from "@/lib/store/selectors";
import { useOpsStore } from "@/lib/store/use-ops-store";
import { explainFailureCode } from "@/lib/trades/failure-codes";
import { formatUsd } from "@/lib/trades/format";
import { TRADE_STATUS_INFO, isTerminalStatus } from "@/lib/trades/status-classes";
import { AgeInStatus } from "./age-in-status";
import { DetailField } from "./detail-field";
import { UNVERIFIED_TEXT } from "./stall-marker";
import { StatusBadge } from "./status-badge";
import { TYPE_LABEL, gameLabel } from "./trade-labels";
import { TradeHistory } from "./trade-history";
import { TradeItems } from "./trade-items";
import { TradeTeam } from "./trade-team";
import { ShownText } from "@/components/ui/shown-text";

function When({ iso }: { iso: string | undefined }) {
  const ms = toMs(iso);
  if (ms === null) return null;
  return (
    <span>
      <ExactTime at={ms} /> <span className="text-slate-400">(<RelativeTime at={ms} />)</span>
    </span>
  );
}

function Copyable({ value, label, mono = true }: { value: string | undefined; label: string; mono?: boolean }) {
  if (!value) return null;
  return (
    <span className="flex items-center gap-2">
      <span className={`min-w-0 break-all ${mono ? "font-mono text-[12px]" : ""}`}>
        <ShownText value={value} />
      </span>
      <CopyButton value={value} label={`Copy ${label}`} />
    </span>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="border-t border-slate-800 px-5 py-3">
      <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

export function TradeDetails({ id, onClose }: { id: string; onClose: () => void }) {
  const record = useOpsStore(useMemo(() => selectTrade(id), [id]));
  const stallReason = useOpsStore(useMemo(() => selectStallReason(id), [id]));
  const seesTradeUrls = useCan("see-trade-urls");

  const header = (title: string) => <DrawerHeader id="trade-drawer-title" title={title} closes="trade details" onClose={onClose} />;

  if (!record) {
    return (
      <div className="flex h-full flex-col">
        {header("Trade not on the board")}
        <p className="px-5 text-sm text-slate-300">
          The board does not hold trade <code className="font-mono">{id}</code>: it was not seen since this page loaded, or it was a finished
          trade dropped by the retention cap.
        </p>
        <div className="mt-3 min-h-0 flex-1 overflow-y-auto pb-6 text-xs">
          <TradeTeam tradeId={id} />
          <Section title="Status history">
            <TradeHistory tradeId={id} />
          </Section>
        </div>
      </div>
    );
  }

  const { trade } = record;
  const terminal = isTerminalStatus(trade.status);
  const unverified = !record.verified && !terminal;
  const holdEndMs = shownHoldEndMs(trade.status, toMs(trade.holdEndDate));

  return (
    <div className="flex h-full flex-col">
      {header(`${TYPE_LABEL[trade.type]} · ${gameLabel(trade)} · ${formatUsd(trade.totalPrice)}`)}
      <div className="min-h-0 flex-1 overflow-y-auto pb-6 text-xs">
        <div className="space-y-2 px-5 pb-3">
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={trade.status} rawStatus={trade.rawStatus} />
            <span className="text-slate-400">
              for <AgeInStatus enteredMs={record.enteredStatusAtMs} />
            </span>
          </div>
          <p className="text-slate-300">{TRADE_STATUS_INFO[trade.status].meaning}</p>
          {trade.status === "unknown" ? (
            <p className="text-amber-200">AssetPay sent the status &ldquo;{trade.rawStatus}&rdquo;, which this dashboard does not know.</p>
          ) : null}
          {stallReason !== null ? (
            <div role="note" className="flex gap-2 rounded-md border border-amber-500/60 bg-amber-500/10 p-2.5 text-amber-100">
              <WarningIcon className="mt-px h-4 w-4 text-amber-400" />
              <p>
                <strong className="font-semibold">Stalled.</strong> {stallReason}.
              </p>
            </div>
          ) : null}
          {unverified ? (
            <div role="note" className="rounded-md border border-dashed border-slate-400 p-2.5 text-slate-200">
              {UNVERIFIED_TEXT}
            </div>
          ) : null}
          {trade.error ? (
            <div role="note" className="rounded-md border border-rose-600/60 bg-rose-500/10 p-2.5 text-rose-100">
              <strong className="font-mono font-semibold">{trade.error}</strong>: {explainFailureCode(trade.error)}
            </div>
          ) : null}
        </div>

        <TradeTeam tradeId={id} />
        <Section title="Status history">
          <TradeHistory tradeId={id} />
        </Section>

        <Section title={`Items (${trade.items.length})`}>
          <TradeItems items={trade.items} />
        </Section>

        <Section title="Money">
          <dl>
            <DetailField label="Total">{formatUsd(trade.totalPrice)}</DetailField>
            <DetailField label="Pre-credit" hint="Credited when the trade reached hold">
              {trade.preCredit === undefined ? null : formatUsd(trade.preCredit)}
            </DetailField>
            <DetailField label="Pending credit" hint="Released when the trade completes">
              {trade.pendingCredit === undefined ? null : formatUsd(trade.pendingCredit)}
            </DetailField>
            <DetailField label="Instant credit">{trade.isInstant === undefined ? null : trade.isInstant ? "Yes" : "No"}</DetailField>
          </dl>
        </Section>

        <Section title="Timing">
          <dl>
            {holdEndMs === null ? null : (
              <DetailField label="Hold ends">
                <span>
                  <RelativeTime at={holdEndMs} className="font-semibold text-slate-50" /> <span className="text-slate-400">(<ExactTime at={holdEndMs} />)</span>
                </span>
              </DetailField>
            )}
            <DetailField label="In status since">
              <When iso={record.enteredStatusAt} />
            </DetailField>
            <DetailField label="Created">
              <When iso={trade.createdAt} />
            </DetailField>
            <DetailField label="Last update">
              <When iso={trade.updatedAt} />
            </DetailField>
            <DetailField label="Offer live since">{trade.activeAt ? <When iso={trade.activeAt} /> : null}</DetailField>
            <DetailField label="Auto-cancel at">{trade.autoCancelAt ? <When iso={trade.autoCancelAt} /> : null}</DetailField>
            <DetailField label="Ready at">{trade.readyAt ? <When iso={trade.readyAt} /> : null}</DetailField>
          </dl>
        </Section>

        <Section title="References">
          <dl>
            <DetailField label="Trade id">
              {trade.id ? <Copyable value={trade.id} label="trade id" /> : null}
            </DetailField>
            <DetailField label="externalId">
              {trade.externalId ? <Copyable value={trade.externalId} label="externalId" /> : null}
            </DetailField>
            <DetailField label="Steam ID">
              {trade.clientSteamId ? <Copyable value={trade.clientSteamId} label="Steam ID" /> : null}
            </DetailField>
            <DetailField label="External user">{trade.externalClientUserId ? <ShownText value={trade.externalClientUserId} /> : null}</DetailField>
            <DetailField label="AssetPay user">{trade.clientUserId}</DetailField>
            <DetailField label="Steam offer">
              {trade.offerId ? <Copyable value={trade.offerId} label="offer id" /> : null}
            </DetailField>
            <DetailField label="Trade URL">{seesTradeUrls && trade.clientTradeUrl ? <span className="break-all font-mono text-xs"><ShownText value={trade.clientTradeUrl} /></span> : null}</DetailField>
            <DetailField label="Source">{trade.source === "self" ? "Merchant self-trade" : trade.source === "client" ? "End user" : null}</DetailField>
            <DetailField label="Reverted by">{trade.revertedBy}</DetailField>
          </dl>
        </Section>

        {trade.botInfo ? (
          <Section title="Bot">
            <dl>
              <DetailField label="Name">{trade.botInfo.name}</DetailField>
              <DetailField label="Steam ID">
                {trade.botInfo.steamId ? <Copyable value={trade.botInfo.steamId} label="bot Steam ID" /> : null}
              </DetailField>
              <DetailField label="Joined">{trade.botInfo.joined}</DetailField>
            </dl>
          </Section>
        ) : null}
      </div>
    </div>
  );
}
