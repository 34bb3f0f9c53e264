// Wall-clock alignment for the page's slow, periodic updates: the store's one-second clock and the
// panels read at a human pace (use-throttled-ops-store). Timers started at arbitrary moments each land
// in a frame of their own: at 1,000 events/s a trace showed three or four heavy frames (13–30 ms of
// layout and paint each) spread over ~150 ms of every second, and a trade row changing then waited
// behind all of them. On one grid they fire back to back and share a frame. A refresh heavy enough to
// push that frame well over budget (the funding feeds under a busy socket) takes a slot of its own
// instead, spaced from the others (use-throttled-ops-store's WallClockSlot). Browser-safe, no React.

/** Milliseconds from `nowMs` to the next multiple of `stepMs` strictly after it (1 to stepMs). */
export function msUntilNextMultiple(nowMs: number, stepMs: number): number {
  return stepMs - (((nowMs % stepMs) + stepMs) % stepMs);
}

/**
 * Calls `onTick` at every multiple of `stepMs` on the wall clock (as `now` reads it) until the returned
 * function is called. A late timer does not shift the ones after it.
 */
export function onEveryMultiple(stepMs: number, onTick: () => void, now: () => number = Date.now): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const schedule = () => {
    timer = setTimeout(() => {
      onTick();
      if (!stopped) schedule();
    }, msUntilNextMultiple(now(), stepMs));
  };
  schedule();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
  };
}
