"use client";
// The chosen time zone for rendering times (see ./time-zone-setting.ts); re-renders when it changes.
import { useSyncExternalStore } from "react";
import type { TimeZoneChoice } from "@/lib/time/format-time";
import { getServerTimeZone, getTimeZone, subscribeTimeZone } from "./time-zone-setting";

export function useTimeZone(): TimeZoneChoice {
  return useSyncExternalStore(subscribeTimeZone, getTimeZone, getServerTimeZone);
}
