import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { msUntilNextMultiple, onEveryMultiple } from "./clock-grid";

describe("msUntilNextMultiple", () => {
  it("is the time to the next multiple, a whole step when already on one", () => {
    expect(msUntilNextMultiple(1_000_250, 1_000)).toBe(750);
    expect(msUntilNextMultiple(1_000_999, 1_000)).toBe(1);
    expect(msUntilNextMultiple(1_001_000, 1_000)).toBe(1_000);
    expect(msUntilNextMultiple(1_001_000, 500)).toBe(500);
    expect(msUntilNextMultiple(-250, 1_000)).toBe(250);
  });
});

describe("onEveryMultiple", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_300);
  });
  afterEach(() => vi.useRealTimers());

  it("ticks on every whole step of the wall clock, not a step after it started, until stopped", () => {
    const at: number[] = [];
    const stop = onEveryMultiple(1_000, () => at.push(Date.now()));
    vi.advanceTimersByTime(3_000);
    expect(at).toEqual([1_001_000, 1_002_000, 1_003_000]);
    stop();
    vi.advanceTimersByTime(5_000);
    expect(at).toHaveLength(3);
  });

  it("does not drift when a tick runs late", () => {
    // After the first tick, the page's clock reads 40 ms ahead of the timers: the next tick is seen late.
    let late = 0;
    const at: number[] = [];
    onEveryMultiple(1_000, () => at.push(Date.now() + late), () => Date.now() + late);
    vi.advanceTimersByTime(700);
    late = 40;
    vi.advanceTimersByTime(2_000);
    // On time, late once, then back on the whole second (an interval would have stayed 40 ms late).
    expect(at).toEqual([1_001_000, 1_002_040, 1_003_000]);
  });

  it("stops from inside its own tick", () => {
    let ticks = 0;
    const stop: () => void = onEveryMultiple(1_000, () => {
      ticks += 1;
      stop();
    });
    vi.advanceTimersByTime(5_000);
    expect(ticks).toBe(1);
  });
});
