"use client";
// An exact time in the chosen zone, the zone named: "01 May 2026, 14:03:22 UTC".
import { useTimeZone } from "@/components/time-zone/use-time-zone";
import { formatExact, toMs } from "@/lib/time/format-time";

export function ExactTime({ at, fallback = "—" }: { at: string | number | null | undefined; fallback?: string }) {
  const zone = useTimeZone();
  const ms = toMs(at);
  if (ms === null) return <>{typeof at === "string" && at !== "" ? at : fallback}</>;
  return <time dateTime={new Date(ms).toISOString()} suppressHydrationWarning>{formatExact(ms, zone)}</time>;
}
