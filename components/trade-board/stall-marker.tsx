"use client";
// The row's flag: a stalled trade's reason in a few words ("not accepted", "hold overran") with a
// warning icon — so the Stalled view reads as a column of reasons — the full reason in the tooltip and
// for screen readers; or a dashed "unverified" when the trade has not been confirmed against AssetPay
// since a disconnect.
import { WarningIcon } from "@/components/ui/warning-icon";
import { selectShortStallReason, selectStallReason } from "@/lib/store/selectors";
import { useOpsStore } from "@/lib/store/use-ops-store";
import { useMemo } from "react";

export const UNVERIFIED_TEXT =
  "Unverified: not confirmed against AssetPay since the connection dropped; checked again at the next resync.";

export function StallMarker({ id, unverified }: { id: string; unverified: boolean }) {
  const reason = useOpsStore(useMemo(() => selectStallReason(id), [id]));
  const short = useOpsStore(useMemo(() => selectShortStallReason(id), [id]));
  if (reason !== null) {
    const title = unverified ? `${reason}\n${UNVERIFIED_TEXT}` : reason;
    return (
      <span
        title={title}
        className={`inline-flex max-w-full items-center gap-1 rounded px-1 py-px text-xs font-semibold text-amber-200 ${unverified ? "border border-dashed border-amber-400/70" : "bg-amber-400/15"}`}
      >
        <WarningIcon className="h-3 w-3 shrink-0 text-amber-400" />
        <span className="sr-only">Stalled: </span>
        <span aria-hidden="true" className="truncate">{short ?? "Stalled"}</span>
        <span className="sr-only">{reason}</span>
        {unverified ? <span className="sr-only"> (unverified)</span> : null}
      </span>
    );
  }
  if (unverified) {
    return (
      <span title={UNVERIFIED_TEXT} className="inline-flex items-center rounded border border-dashed border-slate-400 px-1 py-px text-xs text-slate-300">
        unverified
      </span>
    );
  }
  return null;
}
