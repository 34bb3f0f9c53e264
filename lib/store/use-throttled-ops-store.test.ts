import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseSocketEvent } from "@/lib/live/parse-socket-event";
import { createOpsStore } from "./ops-store";
import { wireTrade } from "@/lib/trades/test-fixtures";
import { selectNow, selectTradeCount } from "./selectors";
import { subscribeThrottled } from "./use-throttled-ops-store";

describe("subscribeThrottled", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => vi.useRealTimers());

  it("delivers the value at once, then at most once per pace, always ending on the latest", () => {
    const store = createOpsStore({ now: 1 });
    const seen: number[] = [];
    const stop = subscribeThrottled(store, selectNow, 500, (value) => seen.push(value));
    expect(seen).toEqual([1]);
    for (let now = 2; now <= 40; now += 1) {
      store.getState().tick(now);
      vi.advanceTimersByTime(25); // 39 changes over ~1 s
    }
    vi.advanceTimersByTime(500);
    expect(seen.length).toBeLessThanOrEqual(4);
    expect(seen.at(-1)).toBe(40);
    stop();
    store.getState().tick(99);
    vi.advanceTimersByTime(1_000);
    expect(seen.at(-1)).toBe(40);
  });

  it("ignores store changes that leave the selected value as it was", () => {
    const store = createOpsStore({ now: 1 });
    const seen: unknown[] = [];
    subscribeThrottled(store, (s) => s.retention, 100, (value) => seen.push(value));
    store.getState().tick(5);
    vi.advanceTimersByTime(1_000);
    expect(seen).toHaveLength(1);
  });

  it("notices values read from the trade Map, which the store mutates in place", () => {
    const store = createOpsStore({ now: 1 });
    const seen: number[] = [];
    subscribeThrottled(store, selectTradeCount, 100, (value) => seen.push(value));
    store.getState().ingest([parseSocketEvent("trade", { trade: wireTrade() }, 1)]);
    vi.advanceTimersByTime(200);
    expect(seen).toEqual([0, 1]);
  });

  it("reads an adaptive pace afresh each time", () => {
    const store = createOpsStore({ now: 1 });
    const pace = { current: 100 };
    const seen: number[] = [];
    subscribeThrottled(store, selectNow, pace, (value) => seen.push(value));
    pace.current = 2_000;
    store.getState().tick(2);
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual([1, 2]);
  });

  it("delivers a fixed pace on its wall-clock multiples, so panels subscribed at different moments change together", () => {
    const store = createOpsStore({ now: 1 });
    const deliveredAt: Record<string, number[]> = { early: [], late: [] };
    subscribeThrottled(store, selectNow, 1_000, () => deliveredAt.early?.push(Date.now()));
    vi.advanceTimersByTime(370);
    subscribeThrottled(store, selectNow, 1_000, () => deliveredAt.late?.push(Date.now()));
    for (let step = 0; step < 20; step += 1) {
      store.getState().tick(2 + step);
      vi.advanceTimersByTime(130);
    }
    // Both on the whole seconds after their first (immediate) delivery, never more than once a second.
    expect(deliveredAt.early).toEqual([1_000_000, 1_001_000, 1_002_000]);
    expect(deliveredAt.late).toEqual([1_000_370, 1_001_000, 1_002_000]);
  });

  it("delivers a slot at its offset past the wall-clock multiples, apart from the panels on the whole seconds", () => {
    const store = createOpsStore({ now: 1 });
    const deliveredAt: number[] = [];
    subscribeThrottled(store, selectNow, { everyMs: 1_000, offsetMs: 250 }, () => deliveredAt.push(Date.now()));
    for (let step = 0; step < 20; step += 1) {
      store.getState().tick(2 + step);
      vi.advanceTimersByTime(130);
    }
    expect(deliveredAt).toEqual([1_000_000, 1_000_250, 1_001_250, 1_002_250]);
  });
});
