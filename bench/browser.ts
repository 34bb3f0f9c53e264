// Browser benchmark: the built dashboard in Chromium against the simulator, with 100,000 trades
// retained, at 100, 1,000 and 2,000 socket events per second — event → painted row latency, long
// tasks, dropped frames, JS heap — beside a naive baseline (bench/naive) at the same rates, the highest
// rate each sustains, and a soak at 200 events/s. Prints figures; asserts nothing on time.
//
// How latency is measured: probe trades (created stalled, so only the bench moves them) are moved
// between active and hold through the simulator's control API; the event carries `updatedAt`, the
// simulator's clock at emission (same machine, same clock as the page). In the page, instruments
// (./browser/instrument.ts) notice the row showing the new status and record the time just after the
// frame that painted it. Latency = painted − updatedAt: socket, parse, store, React, layout and paint.
//
// The parts, in bench/browser/: board-run.ts (the board: preload, phases per view and rate, then
// ramp.ts and soak.ts), naive-run.ts (the baseline), phase.ts (one measured phase, matched by
// probe-match.ts, printed by phase-report.ts), page.ts (the instrumented page and what is read off it).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "@/e2e/support/chromium";
import { simRequestTo, type SimTarget } from "@/e2e/support/sim-control";
import { runBoard } from "./browser/board-run";
import { SUSTAINED_P95_MS, type BrowserFigures, type PhaseFigures } from "./browser/figures";
import { runNaive } from "./browser/naive-run";
import { calibrate, type Control } from "./browser/sim-control";
import { startStack } from "./support";

export interface BrowserBenchOptions {
  log?: (line: string) => void;
  soakMinutes?: number;
  /** Minutes of warm-up (at soakWarmupRate) before the soak's first heap reading. */
  soakWarmupMinutes?: number;
  /** Events per second during the warm-up (default: the soak's 200). */
  soakWarmupRate?: number;
  /** Skip the naive baseline (it needs minutes to load 100,000 DOM rows). */
  skipNaive?: boolean;
  /** Skip the board's rate ramp. */
  skipRamp?: boolean;
  /** Also measure the board with CONTAINMENT_CSS injected (a candidate fix, quantified). */
  containExperiment?: boolean;
  rates?: number[];
  /** Seconds each rate is measured on the board (default 20): a p95 over 20 s rests on ~133 probes. */
  phaseSeconds?: number;
}

export async function runBrowserBench(options: BrowserBenchOptions = {}): Promise<BrowserFigures> {
  const log = options.log ?? console.log;
  const rates = options.rates ?? [100, 1000, 2000];
  const phaseSeconds = options.phaseSeconds ?? 20;
  const stack = await startStack("browser", {
    // Speed: a generated trade's whole life (minutes to days simulated) passes in about a second, so
    // the rate of new trades sets the event rate and finished trades pile up against the retention cap.
    simEnv: { SIM_SPEED: "1000000", SIM_RATE: "0", SIM_INITIAL_TRADES: "0", SIM_RATE_LIMIT_PER_MIN: "100000000", SIM_SEED: "bench-browser" },
    apps: [{ label: "app" }],
  });
  const sim: SimTarget = stack.sim;
  const control: Control = (method, p, body) => simRequestTo(sim, method, p, body);
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS });
  const phases: PhaseFigures[] = [];
  const out: BrowserFigures = { eventsPerTrade: 0, retained: 0, preloadSeconds: 0, phases, boardSustainable: 0, naiveSustainable: 0, soak: null };
  try {
    out.eventsPerTrade = await calibrate(control);
    log(`  simulator: ${out.eventsPerTrade.toFixed(2)} socket events per new trade at SIM_SPEED=1e6`);

    const asBuilt = await runBoard(browser, stack, control, out.eventsPerTrade, { contain: false, rates, phaseSeconds, ramp: !options.skipRamp, soakMinutes: options.soakMinutes ?? 0, soakWarmupMinutes: options.soakWarmupMinutes ?? 0, soakWarmupRate: options.soakWarmupRate ?? 200 }, out, log);
    phases.push(...asBuilt.phases);
    out.boardSustainable = asBuilt.sustainable;
    if (options.containExperiment) {
      const contained = await runBoard(browser, stack, control, out.eventsPerTrade, { contain: true, rates, phaseSeconds, ramp: false, soakMinutes: 0, soakWarmupMinutes: 0, soakWarmupRate: 200 }, out, log);
      phases.push(...contained.phases);
    }

    if (!options.skipNaive) {
      out.naiveSustainable = await runNaive(browser, { sim, control, probes: asBuilt.probes, eventsPerTrade: out.eventsPerTrade, rates }, phases, log);
    }
    const ratio = out.naiveSustainable > 0 ? `${(out.boardSustainable / out.naiveSustainable).toFixed(0)}×` : "n/a (the baseline sustained none of the rates tried)";
    log(`  highest rate sustained (p95 ≤ ${SUSTAINED_P95_MS} ms, no probe lost): board ${out.boardSustainable.toLocaleString("en")} ev/s, naive ${out.naiveSustainable.toLocaleString("en")} ev/s; ratio ${ratio}`);
  } finally {
    await browser.close().catch(() => undefined);
    await stack.stop();
  }
  const dir = path.resolve(__dirname, "..", "test-results", "bench");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "browser.json"), JSON.stringify(out, null, 2));
  return out;
}

if (require.main === module) {
  const soak = process.argv.includes("--soak") ? 30 : Number(process.env.BENCH_SOAK_MINUTES ?? 2);
  void runBrowserBench({
    soakMinutes: soak,
    skipNaive: process.argv.includes("--no-naive"),
    skipRamp: process.argv.includes("--no-ramp"),
    containExperiment: process.argv.includes("--contain"),
  });
}
