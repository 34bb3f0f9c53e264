// Prints one measured phase: event → paint percentiles, long tasks, dropped frames, heap and main
// thread; then delivery split from the page's own work, what the board set aside, and the first few
// probe changes whose paint was never matched.
import { pct } from "@/bench/cdp-metrics";
import { ms, summarize } from "@/bench/support";
import type { PhaseFigures } from "./figures";
import type { ProbeResult } from "./instrument";
import type { ProbeTiming, Sample } from "./probe-match";

type SetAside = { stale: number; duplicates: number; malformed: number };

export interface PhaseReport {
  figures: PhaseFigures;
  matched: readonly ProbeTiming[];
  unmatched: readonly Sample[];
  /** Every paint the page recorded during the phase. */
  results: readonly ProbeResult[];
  setAside: { before: SetAside; after: SetAside };
}

export function logPhase(log: (line: string) => void, r: PhaseReport): void {
  const f = r.figures;
  log(
    `  ${f.impl} (${f.view}) @ ${f.targetRate.toLocaleString("en")} ev/s [delivered ${f.deliveredRate.toFixed(0)}/s]: ` +
      `event→paint p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, p99 ${ms(f.p99)}, max ${ms(f.max)} (${r.matched.length}/${f.probes} probes); ` +
      `long tasks ${f.longTasks} (${f.longTaskMs.toFixed(0)} ms, max ${f.maxLongTask.toFixed(0)} ms); ` +
      `frames dropped ${f.droppedFrames}/${f.frames} (${((f.droppedFrames / Math.max(1, f.frames)) * 100).toFixed(1)} %)` +
      `${f.heapMB !== null ? `; heap ${f.heapMB.toFixed(0)} MB` : ""}` +
      `${f.mainThread ? `; main thread busy ${pct(f.mainThread.busy)} (script ${pct(f.mainThread.script)}, style ${pct(f.mainThread.style)}, layout ${pct(f.mainThread.layout)})` : ""}` +
      `${f.sustainable ? "" : " — NOT sustained"}`,
  );
  // Event → paint split at the socket message's arrival in the page: delivery (simulator, socket,
  // browser process) and the page's own work (waiting for its frame, ingest, render, layout, paint).
  const split = r.matched.filter((m): m is ProbeTiming & { transit: number } => m.transit !== null);
  if (split.length > 0) {
    const delivery = summarize(split.map((m) => m.transit));
    const toDom = summarize(split.map((m) => m.toDom - m.transit));
    const toPaint = summarize(split.map((m) => m.latency - m.toDom));
    log(
      `    of which delivery (event → message in the page) p50 ${ms(delivery.p50)}, p95 ${ms(delivery.p95)}, p99 ${ms(delivery.p99)}; ` +
        `message → row in the DOM p50 ${ms(toDom.p50)}, p95 ${ms(toDom.p95)}, p99 ${ms(toDom.p99)}; ` +
        `DOM → painted p50 ${ms(toPaint.p50)}, p95 ${ms(toPaint.p95)}, p99 ${ms(toPaint.p99)} (${split.length} probes)`,
    );
  }
  const observedSplit = split.filter((m): m is ProbeTiming & { transit: number; observed: number } => m.observed !== null);
  if (observedSplit.length > 0) {
    const atObserver = summarize(observedSplit.map((m) => m.observed));
    const observerToPage = summarize(observedSplit.map((m) => m.transit - m.observed));
    log(
      `    delivery split at the bench's own socket: event → a Node subscriber p50 ${ms(atObserver.p50)}, p95 ${ms(atObserver.p95)}, p99 ${ms(atObserver.p99)}; ` +
        `that subscriber → the page p50 ${ms(observerToPage.p50)}, p95 ${ms(observerToPage.p95)}, p99 ${ms(observerToPage.p99)} (${observedSplit.length} probes)`,
    );
  }
  // What the board set aside during the phase, and each change whose paint was never matched: a
  // stale count here would mean the board dropped a newer version (see RESULTS.md on unmatched probes).
  const { before, after } = r.setAside;
  if (Number.isFinite(before.stale)) {
    log(
      `    set aside during the phase: stale +${after.stale - before.stale}, duplicates +${after.duplicates - before.duplicates}, ` +
        `malformed +${after.malformed - before.malformed}`,
    );
  }
  for (const sample of r.unmatched.slice(0, 5)) {
    const painted = r.results.filter((p) => p.id === sample.id).map((p) => `${p.status}@${p.paintedAt - sample.eventAt}ms`);
    log(`    unmatched: probe …${sample.id.slice(-6)} → ${sample.status} at ${new Date(sample.eventAt).toISOString()}; its painted changes (relative): ${painted.join(", ") || "none"}`);
  }
}
