"use client";
// How long a trade has been in its current status, ticking with the store's one clock.
import { selectNow } from "@/lib/store/selectors";
import { useOpsStore } from "@/lib/store/use-ops-store";
import { useTimeZone } from "@/components/time-zone/use-time-zone";
import { formatAge, formatExact } from "@/lib/time/format-time";

export function AgeInStatus({ enteredMs, muted = false }: { enteredMs: number; muted?: boolean }) {
  const now = useOpsStore(selectNow);
  const zone = useTimeZone();
  if (!enteredMs) return <span className="text-slate-500">—</span>;
  return (
    <time
      dateTime={new Date(enteredMs).toISOString()}
      title={`In this status since ${formatExact(enteredMs, zone)}`}
      className={`tabular-nums ${muted ? "text-slate-500" : "text-slate-200"}`}
    >
      {formatAge(now - enteredMs)}
    </time>
  );
}
