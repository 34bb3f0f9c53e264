"use client";
// Joins the browser's one alerts stream (shared by its tabs: lib/live/alerts-stream-shared.ts) into the
// store, and ticks the store's clock (ages, snooze ends).
// The effect's cleanup closes the stream, so React StrictMode's double mount leaves one connection.
import { useEffect } from "react";
import { openSharedAlertsStream } from "@/lib/live/alerts-stream-shared";
import type { AlertsStoreApi } from "@/lib/store/alerts-store";

/** Ages read in minutes and snoozes run for 15 min and more: a coarse clock is enough. */
const CLOCK_MS = 10_000;

export function useAlertsStream(store: AlertsStoreApi): void {
  useEffect(() => {
    const { applyEvent, countMalformed, setStream, tick } = store.getState();
    const stream = openSharedAlertsStream({ onEvent: applyEvent, onMalformed: countMalformed, onState: setStream });
    tick(Date.now());
    const clock = setInterval(() => tick(Date.now()), CLOCK_MS);
    return () => {
      stream.close();
      clearInterval(clock);
    };
  }, [store]);
}
