"use client";
// A time shown relative to the store's one ticking clock ("3 min ago", "in 6 d 23 h"), with the exact
// time on hover and in `dateTime`. Re-renders once a second by itself; its parents do not.
import { useOpsStore } from "@/lib/store/use-ops-store";
import { selectNow } from "@/lib/store/selectors";
import { formatDuration } from "@/lib/trades/format";
import { formatExact, toMs } from "./time-format";

interface RelativeTimeProps {
  at: string | number | null | undefined;
  /** Shown when there is no valid time. */
  fallback?: string;
  className?: string;
}

export function RelativeTime({ at, fallback = "—", className }: RelativeTimeProps) {
  const now = useOpsStore(selectNow);
  const ms = toMs(at);
  if (ms === null) return <span className={className}>{fallback}</span>;
  const delta = ms - now;
  // Small clock skew between AssetPay and this browser must not read as "in 2 s".
  const text = delta > 1_500 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`;
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatExact(ms)} className={className}>
      {text}
    </time>
  );
}
