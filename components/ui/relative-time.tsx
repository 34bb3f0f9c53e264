"use client";
// A time shown relative to the store's one ticking clock ("3 min ago", "in 6 days"), with the exact
// time in the chosen zone on hover and in `dateTime`. Re-renders once a second by itself; its parents do not.
import { useTimeZone } from "@/components/time-zone/use-time-zone";
import { selectNow } from "@/lib/store/selectors";
import { useOpsStore } from "@/lib/store/use-ops-store";
import { formatExact, formatRelative, toMs } from "@/lib/time/format-time";

interface RelativeTimeProps {
  at: string | number | null | undefined;
  /** Shown when there is no valid time. */
  fallback?: string;
  className?: string;
}

export function RelativeTime({ at, fallback = "—", className }: RelativeTimeProps) {
  const now = useOpsStore(selectNow);
  const zone = useTimeZone();
  const ms = toMs(at);
  if (ms === null) return <span className={className}>{fallback}</span>;
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatExact(ms, zone)} className={className}>
      {formatRelative(ms, now)}
    </time>
  );
}
