"use client";
// Reading the ops store at a human pace. Under a busy socket the store changes every animation frame;
// a panel that re-renders each time repaints the page 60 times a second for figures nobody can read
// that fast (measured: with 1,000 events/s the Diagnostics and funding panels alone kept Chromium's
// main thread about half busy painting). Trade rows stay on useOpsStore; ambient panels use this.
import { useEffect, useState } from "react";
import { msUntilNextMultiple } from "./clock-grid";
import type { OpsStore, OpsStoreApi } from "./ops-store";
import { useOpsStoreApi } from "./use-ops-store";

/**
 * A fixed pace with its own slot in the period: deliveries at `offsetMs` past each multiple of `everyMs`
 * on the wall clock. A panel whose refresh is heavy takes a slot apart from the others (see clock-grid.ts).
 */
export interface WallClockSlot {
  readonly everyMs: number;
  readonly offsetMs: number;
}

/**
 * A delay: fixed (delivered on the wall clock's multiples of it), fixed in a slot of its own, or read
 * afresh each time (the board's summary adapts it to how long a pass took).
 */
export type Pace = number | WallClockSlot | { readonly current: number };

/**
 * How long until the next delivery may happen. A fixed pace delivers on its multiples of the wall
 * clock, so every panel on the same pace (and the store's one-second clock) changes in the same frame
 * (see clock-grid.ts), or at its slot's offset past them; an adaptive pace counts from the last delivery.
 */
function waitFor(pace: Pace, lastDelivery: number, now: number): number {
  if (typeof pace === "number") return msUntilNextMultiple(Math.max(now, lastDelivery), pace);
  if ("everyMs" in pace) return msUntilNextMultiple(Math.max(now, lastDelivery) - pace.offsetMs, pace.everyMs);
  return Math.max(0, lastDelivery + pace.current - now);
}

/**
 * Calls `onChange` with `select(state)` now and then at most once per `pace` while the selected value
 * keeps changing (trailing edge: the latest value always arrives). A fixed pace delivers on its
 * wall-clock multiples, so the first delivery after subscribing can come sooner than `pace`.
 * Returns the unsubscribe function.
 */
export function subscribeThrottled<T>(store: OpsStoreApi, select: (state: OpsStore) => T, pace: Pace, onChange: (value: T) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  let delivered: T;
  const flush = () => {
    timer = null;
    last = Date.now();
    delivered = select(store.getState());
    onChange(delivered);
  };
  flush();
  // Compared with what was last delivered, not with the previous state: some selected values live on
  // objects the store mutates in place (the trade Map's size), so the previous state reads the same.
  const unsubscribe = store.subscribe((state) => {
    if (timer !== null || Object.is(select(state), delivered)) return;
    timer = setTimeout(flush, waitFor(pace, last, Date.now()));
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}

/** Like useOpsStore, but re-renders at most once per `pace` ms. `select` must be stable (module level). */
export function useThrottledOpsStore<T>(select: (state: OpsStore) => T, pace: Pace): T {
  const store = useOpsStoreApi();
  const [value, setValue] = useState(() => select(store.getState()));
  useEffect(() => subscribeThrottled(store, select, pace, (next) => setValue(() => next)), [store, select, pace]);
  return value;
}
