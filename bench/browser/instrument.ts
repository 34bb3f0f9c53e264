// In-page instruments for the browser benchmark, installed with page.addInitScript before any of the
// page's own code runs, identically on the real board and on the naive baseline:
//   - event → paint probes: `arm(id, status)` and a MutationObserver notice the row showing that status;
//     the time after the frame that painted it is recorded (see markPainted);
//   - long tasks (PerformanceObserver "longtask"), frame times (a requestAnimationFrame loop);
//   - socket.io events delivered to the page (a listener on every WebSocket).
// Everything lives on window.__bench. This function is serialized into the page: no imports, no closures.

export interface ProbeResult {
  id: string;
  status: string;
  /** Epoch ms just after the frame that first painted the row with this status. */
  paintedAt: number;
  /** Epoch ms at which the first socket message naming this probe after arm() reached the page (null: not seen). */
  arrivedAt: number | null;
  /** Epoch ms at which the row with this status appeared in the DOM (before the frame painted it). */
  mutatedAt: number;
}

export interface BenchWindow {
  arm(id: string, status: string): void;
  /** Starts a measurement window: clears long tasks, frames and results. */
  reset(): void;
  results: ProbeResult[];
  pending: number;
  longTasks: number[];
  frameGaps: number[];
  socketEvents: number;
}

export function installBenchInstruments(): void {
  const w = window as unknown as { __bench: BenchWindow };
  if (w.__bench) return;
  const nativeRaf = window.requestAnimationFrame.bind(window);
  const channel = new MessageChannel();
  const afterTask: (() => void)[] = [];
  channel.port1.onmessage = () => {
    const run = afterTask.splice(0);
    for (const fn of run) fn();
  };
  const post = (fn: () => void) => {
    afterTask.push(fn);
    if (afterTask.length === 1) channel.port2.postMessage(0);
  };

  // True from the first animation-frame callback of a frame until the first task after it: the page's
  // own rAF work (the board's batched ingest and the React commit it triggers) happens in that window
  // and is painted at the end of the same frame.
  let rafPhase = false;
  window.requestAnimationFrame = (callback: FrameRequestCallback) =>
    nativeRaf((time) => {
      if (!rafPhase) {
        rafPhase = true;
        post(() => {
          rafPhase = false;
        });
      }
      callback(time);
    });

  const pending = new Map<string, string>();
  // Probes armed but whose event has not reached the page yet, and when it did for those that have:
  // splits event → paint into the socket's delivery and the page's own work.
  const inTransit = new Set<string>();
  const arrivals = new Map<string, number>();
  const bench: BenchWindow = {
    arm(id, status) {
      pending.set(id, status);
      inTransit.add(id);
      arrivals.delete(id);
      bench.pending = pending.size;
      check();
    },
    reset() {
      bench.results = [];
      bench.longTasks = [];
      bench.frameGaps = [];
      lastFrame = 0;
    },
    results: [],
    pending: 0,
    longTasks: [],
    frameGaps: [],
    socketEvents: 0,
  };
  w.__bench = bench;

  const markPainted = (id: string, status: string) => {
    // A mutation made during the frame's rAF callbacks is painted before the next task; one made in an
    // ordinary task is painted at the next frame, so wait for that frame first.
    // Date.now(), the wall clock the simulator stamps updatedAt with. (timeOrigin + performance.now()
    // follows the monotonic clock, which drifts from the wall clock by milliseconds over a long run:
    // enough to make a fast paint look earlier than its event, so it matched a later one.)
    const arrivedAt = arrivals.get(id) ?? null;
    arrivals.delete(id);
    const mutatedAt = Date.now();
    console.timeStamp("probe in DOM");
    const record = () => {
      bench.results.push({ id, status, paintedAt: Date.now(), arrivedAt, mutatedAt });
      console.timeStamp("probe painted");
    };
    if (rafPhase) post(record);
    else nativeRaf(() => post(record));
  };

  function check(): void {
    if (pending.size === 0) return;
    for (const [id, status] of pending) {
      const row = document.querySelector(`[data-trade-id="${CSS.escape(id)}"][data-status="${CSS.escape(status)}"]`);
      if (row) {
        pending.delete(id);
        bench.pending = pending.size;
        markPainted(id, status);
      }
    }
  }
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-status", "data-trade-id"] });

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
    }).observe({ type: "longtask", buffered: false });
  } catch {
    /* no long task API: reported as unavailable */
  }

  let lastFrame = 0;
  const frame = (time: number) => {
    if (lastFrame !== 0 && bench.frameGaps.length < 200_000) bench.frameGaps.push(time - lastFrame);
    lastFrame = time;
    nativeRaf(frame);
  };
  nativeRaf(frame);

  const NativeWebSocket = window.WebSocket;
  class CountingWebSocket extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      // socket.io EVENT packets over engine.io MESSAGE: "42…"
      this.addEventListener("message", (event: MessageEvent) => {
        if (typeof event.data !== "string" || !event.data.startsWith("42")) return;
        bench.socketEvents += 1;
        if (inTransit.size === 0) return;
        for (const id of inTransit) {
          if (event.data.includes(id)) {
            inTransit.delete(id);
            arrivals.set(id, Date.now());
            // Marks in a Chromium trace (BENCH_PROFILE_DIR), to find a probe's frame.
            console.timeStamp("probe message");
          }
        }
      });
    }
  }
  window.WebSocket = CountingWebSocket;
}
