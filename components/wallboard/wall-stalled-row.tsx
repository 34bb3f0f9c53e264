"use client";
// One stalled trade on the wallboard: game and type, status, how long, why, and the amount, in text
// large enough for a room. Selects its own record like the board's rows.
import { useMemo } from "react";
import { AgeInStatus } from "@/components/trade-board/age-in-status";
import { TYPE_LABEL, gameLabel } from "@/components/trade-board/trade-labels";
import { selectStallReason, selectTrade } from "@/lib/store/selectors";
import { useOpsStore } from "@/lib/store/use-ops-store";
import { formatUsd } from "@/lib/trades/format";
import { TRADE_STATUS_INFO } from "@/lib/trades/status-classes";

export function WallStalledRow({ id }: { id: string }) {
  const record = useOpsStore(useMemo(() => selectTrade(id), [id]));
  const reason = useOpsStore(useMemo(() => selectStallReason(id), [id]));
  if (!record) return null;
  const { trade } = record;
  return (
    <li data-trade-id={trade.id} className="grid grid-cols-[8rem_11rem_9rem_minmax(0,1fr)_10rem] items-baseline gap-x-6 border-b border-slate-800 py-3 text-3xl">
      <span className="font-semibold">{gameLabel(trade)}</span>
      <span className="truncate text-slate-300">{TYPE_LABEL[trade.type]}</span>
      <span className="text-amber-200">
        <AgeInStatus enteredMs={record.enteredStatusAtMs} />
      </span>
      <span className="truncate text-slate-200">
        {TRADE_STATUS_INFO[trade.status].label}
        {reason !== null ? <span className="text-slate-400"> · {reason}</span> : null}
      </span>
      <span className="text-right tabular-nums">{formatUsd(trade.totalPrice)}</span>
    </li>
  );
}
