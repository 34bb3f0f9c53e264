// One measured phase: the simulator's traffic at a target event rate while the bench moves probe
// trades between active and hold through the control API, and the page's instruments record when each
// change was painted. Optionally a CPU profile and a trace of the phase (BENCH_PROFILE_DIR) and every
// matched probe's timings (BENCH_SAMPLES_DIR).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CDPSession, Page } from "@playwright/test";
import { heapMB, mainThreadSeconds, mainThreadShares } from "@/bench/cdp-metrics";
import type { SocketObserver } from "@/bench/socket-observer";
import { summarize } from "@/bench/support";
import { SUSTAINED_P95_MS, type PhaseFigures } from "./figures";
import type { BenchWindow, ProbeResult } from "./instrument";
import { setAsideCounts, socketEvents, tradesHeld } from "./page";
import { logPhase } from "./phase-report";
import { matchProbes, type Sample } from "./probe-match";
import { setEventRate, sleep, type Control } from "./sim-control";
import { saveTrace } from "./trace";

const FRAME_MS = 1000 / 60;

export interface PhaseOptions {
  impl: "board" | "naive";
  view: string;
  targetRate: number;
  seconds: number;
  probeEveryMs: number;
  drainMs: number;
  cdp: CDPSession | null;
  /** BENCH_OBSERVER=1: the bench's own subscriber, to split delivery at the simulator's side. */
  observer?: SocketObserver | null;
  /**
   * Measure with the table paused: `press` after the window opens, `release` once the feed has stopped.
   * Latency (paint − event) then says how far behind the screen was, pause included; the phase also
   * counts probe changes painted while paused (0 when the table held still).
   */
  hold?: { press: () => Promise<void>; release: () => Promise<void> };
}

export async function measurePhase(page: Page, control: Control, probes: string[], eventsPerTrade: number, o: PhaseOptions, log: (line: string) => void): Promise<PhaseFigures> {
  await setEventRate(control, o.targetRate, eventsPerTrade);
  await sleep(3_000);
  await page.evaluate(() => (window as unknown as { __bench: BenchWindow }).__bench.reset());
  // Names this phase's files (profile, trace, samples).
  const fileStem = `${o.view.replace(/[^a-z0-9]+/gi, "-")}-${o.targetRate}`;
  // BENCH_PROFILE_DIR=dir: a CPU profile of the page per phase, to open in Chromium's DevTools.
  const profileDir = process.env.BENCH_PROFILE_DIR;
  let tracing: Promise<void> | null = null;
  if (profileDir && o.cdp) {
    await o.cdp.send("Profiler.enable");
    await o.cdp.send("Profiler.start");
    // BENCH_TRACE_SECONDS: a longer trace (default 4 s) catches the phase's rare long tasks too.
    const traceMs = Math.max(1, Number(process.env.BENCH_TRACE_SECONDS) || 4) * 1000;
    tracing = saveTrace(o.cdp, path.join(profileDir, `${fileStem}.trace.json`), traceMs);
    // The trace covers the start of the measurement (probe changes included) unless BENCH_TRACE_BEFORE is set.
    if (process.env.BENCH_TRACE_BEFORE) await tracing;
  }
  if (o.hold) await o.hold.press();
  const eventsBefore = await socketEvents(page);
  const setAsideBefore = await setAsideCounts(page);
  const busyBefore = await mainThreadSeconds(o.cdp);
  const started = Date.now();
  const samples: Sample[] = [];
  const nextStatus = new Map<string, string>();
  let turn = 0;
  while (Date.now() - started < o.seconds * 1000) {
    const tickAt = Date.now();
    const id = probes[turn % probes.length] ?? "";
    turn += 1;
    const status = nextStatus.get(id) === "hold" ? "active" : "hold";
    nextStatus.set(id, status);
    await page.evaluate(([pid, pstatus]) => (window as unknown as { __bench: BenchWindow }).__bench.arm(pid ?? "", pstatus ?? ""), [id, status]);
    const trade = await control<{ updatedAt: string }>("POST", `/__sim/trades/${id}/status`, { status, stall: true });
    samples.push({ id, status, eventAt: Date.parse(trade.updatedAt), updatedAt: trade.updatedAt });
    await sleep(Math.max(0, o.probeEveryMs - (Date.now() - tickAt)));
  }
  const seconds = (Date.now() - started) / 1000;
  await tracing;
  const busyAfter = await mainThreadSeconds(o.cdp);
  if (profileDir && o.cdp) {
    const { profile } = await o.cdp.send("Profiler.stop");
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(path.join(profileDir, `${fileStem}.cpuprofile`), JSON.stringify(profile));
  }
  const eventsAfter = await socketEvents(page);
  // Stop the feed, then give late probes a moment to paint.
  await control("POST", "/__sim/rate", { rate: 0 });
  if (o.hold) {
    const paintedWhilePaused = await page.evaluate(() => (window as unknown as { __bench: BenchWindow }).__bench.results.length);
    // What the pill said was waiting (the paused table's "Show N updates"), against the trades held.
    const waiting = await page.getByTestId("pending-updates").textContent({ timeout: 2_000 }).catch(() => null);
    const held = await tradesHeld(page);
    const releasedAt = Date.now();
    await o.hold.release();
    log(
      `    paused: ${paintedWhilePaused} of ${samples.length} probe changes painted while paused; "Show ${waiting ?? "?"} updates" ` +
        `(of ${held.toLocaleString("en")} trades held); released at +${((releasedAt - started) / 1000).toFixed(1)} s`,
    );
  }
  const drainUntil = Date.now() + o.drainMs;
  while (Date.now() < drainUntil) {
    const pending = await page.evaluate(() => (window as unknown as { __bench: BenchWindow }).__bench.pending).catch(() => 0);
    if (pending === 0) break;
    await sleep(250);
  }
  const window_ = await page
    .evaluate(() => {
      const b = (window as unknown as { __bench: BenchWindow }).__bench;
      return { results: b.results, longTasks: b.longTasks, frameGaps: b.frameGaps };
    })
    .catch(() => ({ results: [] as ProbeResult[], longTasks: [] as number[], frameGaps: [] as number[] }));
  const { matched, unmatched } = matchProbes(samples, window_.results, o.observer);
  // BENCH_SAMPLES_DIR=dir: every matched probe's timings, to see e.g. when in the second the slow ones fall.
  const samplesDir = process.env.BENCH_SAMPLES_DIR;
  if (samplesDir) {
    mkdirSync(samplesDir, { recursive: true });
    writeFileSync(path.join(samplesDir, `${fileStem}.samples.json`), JSON.stringify(matched));
  }
  const s = summarize(matched.map((m) => m.latency));
  const frames = window_.frameGaps.reduce((n, gap) => n + Math.max(1, Math.round(gap / FRAME_MS)), 0);
  const dropped = window_.frameGaps.reduce((n, gap) => n + Math.max(0, Math.round(gap / FRAME_MS) - 1), 0);
  const heap = o.cdp ? await heapMB(o.cdp).catch(() => null) : null;
  const deliveredRate = (eventsAfter - eventsBefore) / seconds;
  const missed = unmatched.length;
  const figures: PhaseFigures = {
    impl: o.impl,
    view: o.view,
    targetRate: o.targetRate,
    deliveredRate,
    seconds,
    probes: samples.length,
    missed,
    p50: s.p50,
    p95: s.p95,
    p99: s.p99,
    max: s.max,
    longTasks: window_.longTasks.length,
    longTaskMs: window_.longTasks.reduce((a, b) => a + b, 0),
    maxLongTask: Math.max(0, ...window_.longTasks),
    frames,
    droppedFrames: dropped,
    heapMB: heap,
    mainThread: mainThreadShares(busyBefore, busyAfter, seconds),
    sustainable: missed === 0 && s.n > 0 && s.p95 <= SUSTAINED_P95_MS,
  };
  const setAsideAfter = await setAsideCounts(page);
  logPhase(log, { figures, matched, unmatched, results: window_.results, setAside: { before: setAsideBefore, after: setAsideAfter } });
  await sleep(1_500);
  return figures;
}
