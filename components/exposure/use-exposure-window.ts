"use client";
// The calendar the Exposure figures and their board views count in: today's midnight in the board's
// time zone (the Time zone control), from the store's one ticking clock. A new object only when the
// day or the zone changes, so the figures and the filter are not recomputed on every tick.
import { useMemo } from "react";
import { useTimeZone } from "@/components/time-zone/use-time-zone";
import { useOpsStore } from "@/lib/store/use-ops-store";
import { dayStartMs } from "@/lib/time/calendar-days";
import { type ExposureWindow, exposureWindow } from "@/lib/trades/exposure";

export function useExposureWindow(): ExposureWindow {
  const zone = useTimeZone();
  const todayStart = useOpsStore((s) => dayStartMs(s.now, zone));
  return useMemo(() => exposureWindow(todayStart, zone), [todayStart, zone]);
}
