import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startPeriodicResync } from "./periodic-resync";

describe("startPeriodicResync", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("resyncs once per interval while the tab is visible and the connection live, and stops when told", () => {
    const resync = vi.fn();
    let visible = true;
    let live = true;
    const stop = startPeriodicResync({ intervalMs: 1_000, isVisible: () => visible, isLive: () => live, resync });
    vi.advanceTimersByTime(999);
    expect(resync).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(resync).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2_000);
    expect(resync).toHaveBeenCalledTimes(3);

    visible = false;
    vi.advanceTimersByTime(1_000);
    expect(resync).toHaveBeenCalledTimes(3);
    visible = true;
    live = false;
    vi.advanceTimersByTime(1_000);
    expect(resync).toHaveBeenCalledTimes(3);
    live = true;
    vi.advanceTimersByTime(1_000);
    expect(resync).toHaveBeenCalledTimes(4);

    stop();
    vi.advanceTimersByTime(10_000);
    expect(resync).toHaveBeenCalledTimes(4);
  });
});
