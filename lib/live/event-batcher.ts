// Collects parsed socket events and hands them to the store once per animation frame, so a burst of
// events costs one store update and one React render. Browser-safe, no React. Falls back to a timer
// cap because hidden tabs throttle or stop requestAnimationFrame; never drops events except on dispose.

/** Injectable so tests (and non-browser runtimes) control time. Handles are opaque. */
export interface FrameScheduler {
  /** Returns null when animation frames are unavailable; the batcher then uses a short timer. */
  requestFrame(callback: () => void): unknown;
  cancelFrame(handle: unknown): void;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const FRAME_FALLBACK_MS = 16;
export const DEFAULT_MAX_WAIT_MS = 250;
export const DEFAULT_MAX_QUEUE = 20_000;

export function browserScheduler(): FrameScheduler {
  const g = globalThis;
  const hasRaf = typeof g.requestAnimationFrame === "function" && typeof g.cancelAnimationFrame === "function";
  return {
    requestFrame: (cb) => (hasRaf ? g.requestAnimationFrame(() => cb()) : null),
    cancelFrame: (handle) => {
      if (hasRaf && typeof handle === "number") g.cancelAnimationFrame(handle);
    },
    setTimer: (cb, ms) => g.setTimeout(cb, ms),
    clearTimer: (handle) => g.clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

export interface EventBatcherOptions<T> {
  deliver: (events: T[]) => void;
  scheduler?: FrameScheduler;
  /** Flush at the latest this long after the first queued event, even if no frame comes (hidden tab). */
  maxWaitMs?: number;
  /** Flush synchronously once this many events are queued, bounding memory during a flood. */
  maxQueue?: number;
}

export interface EventBatcher<T> {
  push(event: T): void;
  /** Delivers everything queued now (e.g. before a resync reads the store). */
  flush(): void;
  /** Cancels timers and drops queued events (sign-out: they belong to the old session). */
  dispose(): void;
  readonly size: number;
}

export function createEventBatcher<T>(options: EventBatcherOptions<T>): EventBatcher<T> {
  const scheduler = options.scheduler ?? browserScheduler();
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const maxQueue = options.maxQueue ?? DEFAULT_MAX_QUEUE;
  let queue: T[] = [];
  let frame: unknown = null;
  let frameIsTimer = false;
  let cap: unknown = null;
  let disposed = false;

  function cancelScheduled(): void {
    if (frame !== null) {
      if (frameIsTimer) scheduler.clearTimer(frame);
      else scheduler.cancelFrame(frame);
    }
    if (cap !== null) scheduler.clearTimer(cap);
    frame = null;
    cap = null;
  }

  function flush(): void {
    cancelScheduled();
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    options.deliver(batch);
  }

  function schedule(): void {
    if (frame !== null || cap !== null) return;
    const handle = scheduler.requestFrame(flush);
    frameIsTimer = handle === null || handle === undefined;
    frame = frameIsTimer ? scheduler.setTimer(flush, FRAME_FALLBACK_MS) : handle;
    cap = scheduler.setTimer(flush, maxWaitMs);
  }

  return {
    push(event) {
      if (disposed) return;
      queue.push(event);
      if (queue.length >= maxQueue) flush();
      else schedule();
    },
    flush,
    dispose() {
      disposed = true;
      cancelScheduled();
      queue = [];
    },
    get size() {
      return queue.length;
    },
  };
}
