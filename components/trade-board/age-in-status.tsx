"use client";
// How long a trade has been in its current status, ticking with the store's one clock.
import { selectNow } from "@/lib/store/selectors";
import { useOpsStore } from "@/lib/store/use-ops-store";
import { formatDuration } from "@/lib/trades/format";
import { formatExact } from "@/components/ui/time-format";

export function AgeInStatus({ enteredMs, muted = false }: { enteredMs: number; muted?: boolean }) {
  const now = useOpsStore(selectNow);
  if (!enteredMs) return <span className="text-slate-500">—</span>;
  return (
    <time
      dateTime={new Date(enteredMs).toISOString()}
      title={`In this status since ${formatExact(enteredMs)}`}
      className={`tabular-nums ${muted ? "text-slate-500" : "text-slate-200"}`}
    >
      {formatDuration(now - enteredMs)}
    </time>
  );
}
