"use client";
// How long ago an alert was raised, against the alerts store's clock (so it updates), exact on hover
// in the chosen time zone.
import { useTimeZone } from "@/components/time-zone/use-time-zone";
import { formatExact, formatRelative, toMs } from "@/lib/time/format-time";
import { useAlertsStore } from "./alerts-context";

export function AlertAge({ at }: { at: string }) {
  const now = useAlertsStore((s) => s.now);
  const zone = useTimeZone();
  const ms = toMs(at);
  if (ms === null) return null;
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatExact(ms, zone)} className="tabular-nums text-slate-400">
      {formatRelative(Math.min(ms, now), now)}
    </time>
  );
}
