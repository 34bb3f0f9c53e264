"use client";
// How long ago an alert was raised, against the alerts store's clock (so it updates), exact on hover.
import { formatExact, toMs } from "@/components/ui/time-format";
import { formatDuration } from "@/lib/trades/format";
import { useAlertsStore } from "./alerts-context";

export function AlertAge({ at }: { at: string }) {
  const now = useAlertsStore((s) => s.now);
  const ms = toMs(at);
  if (ms === null) return null;
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatExact(ms)} className="tabular-nums text-slate-400">
      {formatDuration(now - ms)} ago
    </time>
  );
}
