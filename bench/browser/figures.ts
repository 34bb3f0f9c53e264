// What the browser benchmark reports (written to test-results/bench/browser.json), and the bar a
// rate must clear to count as sustained.
import type { MainThreadShares } from "@/bench/cdp-metrics";

/** Trades the board holds during the measured phases (and the naive baseline renders as DOM rows). */
export const RETAINED = 100_000;
/** A rate is "sustained" when latency stays bounded and nothing is lost. */
export const SUSTAINED_P95_MS = 1000;

export interface PhaseFigures {
  impl: "board" | "naive";
  view: string;
  targetRate: number;
  deliveredRate: number;
  seconds: number;
  probes: number;
  missed: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  longTasks: number;
  longTaskMs: number;
  maxLongTask: number;
  frames: number;
  droppedFrames: number;
  heapMB: number | null;
  /** Shares of the phase the renderer's main thread was busy, and busy in script (CDP metrics); null if unread. */
  mainThread: MainThreadShares | null;
  sustainable: boolean;
}

export interface SoakFigures {
  minutes: number;
  rate: number;
  heapMB: { atMinute: number; mb: number; tradesHeld: number }[];
  latency: PhaseFigures | null;
}

export interface BrowserFigures {
  eventsPerTrade: number;
  retained: number;
  preloadSeconds: number;
  phases: PhaseFigures[];
  boardSustainable: number;
  naiveSustainable: number;
  soak: SoakFigures | null;
}
