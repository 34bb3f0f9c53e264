"use client";
// One alert in the Alerts region: what happened to which trade or funding, in words, how long ago, who
// it is assigned to, and — for a role that may act — Acknowledge and Assign… (a picker of staff).
// Clicking the subject opens the trade's detail (a funding one's in /funding). Reasons are shown as text, never HTML.
import Link from "next/link";
import { memo, useState } from "react";
import { AssigneePicker } from "@/components/staff/assignee-picker";
import { useCan } from "@/components/staff/staff-context";
import { acknowledgeAlert, assignAlert } from "@/lib/live/alerts-api";
import type { Alert } from "@/lib/live/alerts-schema";
import { isSnoozed } from "@/lib/store/alerts-selectors";
import { fundingHref } from "@/lib/trades/funding-params";
import { AlertAge } from "./alert-age";
import { useAlertsStore, useRequiredAlerts } from "./alerts-context";
import { alertKindTitle } from "./notify-once";
import { ShownText } from "@/components/ui/shown-text";

const BUTTON =
  "rounded-md border border-slate-600 px-2 py-0.5 text-xs text-slate-100 hover:border-slate-400 hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 disabled:opacity-60";

export const AlertItem = memo(function AlertItem({ alert, onOpened }: { alert: Alert; onOpened: () => void }) {
  const { openTrade, store } = useRequiredAlerts();
  const snoozed = useAlertsStore((s) => isSnoozed(alert, s.now));
  const canAct = useCan("act");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const acknowledged = alert.acknowledgedAt !== null;

  const run = async (call: () => ReturnType<typeof acknowledgeAlert | typeof assignAlert>) => {
    setBusy(true);
    setError(null);
    const answer = await call();
    setBusy(false);
    if (answer.ok) store.getState().applyAlert(answer.value.alert);
    else setError(answer.message);
    return answer.ok;
  };
  const acknowledge = () => run(() => acknowledgeAlert(alert.id));
  const assign = async (assignee: string | null) => {
    if (await run(() => assignAlert(alert.id, assignee))) setPicking(false);
  };

  const subject =
    alert.tradeId !== null ? (
      <button
        type="button"
        onClick={() => {
          if (alert.tradeId === null) return;
          openTrade(alert.tradeId);
          onOpened();
        }}
        className="text-left font-mono text-[12px] text-sky-300 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        <ShownText value={alert.tradeId} />
        {alert.game ? <span className="ml-1 font-sans text-slate-300">({alert.game.toUpperCase()})</span> : null}
      </button>
    ) : (
      alert.fundingId ? (
        // A funding subject opens its detail in the Funding view.
        <Link
          href={fundingHref({ item: alert.fundingId })}
          prefetch={false}
          onClick={onOpened}
          className="font-mono text-[12px] text-sky-300 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
        >
          <ShownText value={alert.fundingId} />
        </Link>
      ) : null
    );

  return (
    <li
      data-alert-id={alert.id}
      data-kind={alert.kind}
      {...(alert.tradeId !== null ? { "data-trade-id": alert.tradeId } : { "data-funding-id": alert.fundingId ?? "" })}
      className={`flex flex-col gap-1 border-b border-slate-800 px-3 py-2 text-xs ${acknowledged ? "opacity-75" : ""}`}
    >
      <div className="flex items-center justify-between gap-2">
        <span className={`font-semibold ${acknowledged ? "text-slate-300" : "text-amber-200"}`}>{alertKindTitle(alert.kind)}</span>
        <AlertAge at={alert.raisedAt} />
      </div>
      <div>{subject}</div>
      <p className="text-slate-200">{alert.reason}</p>
      <div className="flex flex-wrap items-center gap-2 text-slate-400">
        {alert.assignee ? <span>Assigned to {alert.assignee}</span> : null}
        {snoozed ? <span>Snoozed</span> : null}
        {acknowledged ? <span>Acknowledged{alert.acknowledgedBy ? ` by ${alert.acknowledgedBy}` : ""}</span> : null}
        {canAct ? (
          <span className="ml-auto flex items-center gap-2">
            <button type="button" aria-expanded={picking} onClick={() => setPicking((v) => !v)} className={BUTTON}>
              Assign…
            </button>
            {!acknowledged ? (
              <button type="button" disabled={busy} onClick={() => void acknowledge()} className={BUTTON}>
                Acknowledge
              </button>
            ) : null}
          </span>
        ) : null}
      </div>
      {canAct && picking ? <AssigneePicker current={alert.assignee} busy={busy} onAssign={(to) => void assign(to)} buttonClassName={BUTTON} /> : null}
      {error !== null ? (
        <p role="alert" className="text-rose-300">
          {error}
        </p>
      ) : null}
    </li>
  );
});
