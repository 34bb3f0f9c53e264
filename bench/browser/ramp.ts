// The rate ramp: after the main rates, rates between the last one the board sustained and the first
// it did not (or beyond the last, when it sustained them all), to find the highest it sustains.
import type { PhaseFigures } from "./figures";
import { settle } from "./page";
import { measurePhase } from "./phase";
import type { BoardSession } from "./board-session";

const RAMP_RATES = [200, 500, 1500, 4000, 8000, 16000];

/** The highest rate sustained among the phases measured with the probes in view, and the first one that was not. */
export function sustainedSoFar(phases: readonly PhaseFigures[]): { sustainable: number; failedAt: number } {
  const inView = phases.filter((p) => p.view.endsWith("rows in view"));
  let sustainable = 0;
  let failedAt = Number.POSITIVE_INFINITY;
  for (const p of [...inView].sort((a, b) => a.targetRate - b.targetRate)) {
    if (!p.sustainable) {
      failedAt = p.targetRate;
      break;
    }
    sustainable = p.targetRate;
  }
  return { sustainable, failedAt };
}

/** Measures the ramp's rates in order until one is not sustained; returns the highest sustained. */
export async function runRamp(session: BoardSession, phases: PhaseFigures[], from: { sustainable: number; failedAt: number }): Promise<number> {
  const { page, search, control, probes, eventsPerTrade, label, run, log } = session;
  let sustainable = from.sustainable;
  await search.fill(`probe-${run}`);
  await settle(page, 30_000);
  for (const rate of RAMP_RATES) {
    if (rate <= sustainable || rate >= from.failedAt) continue;
    const phase = await measurePhase(page, control, probes, eventsPerTrade, { impl: "board", view: `${label}, rows in view, ramp`, targetRate: rate, seconds: 12, probeEveryMs: 150, drainMs: 5_000, cdp: null }, log);
    phases.push(phase);
    await settle(page, 120_000);
    if (!phase.sustainable) break;
    sustainable = rate;
    if (phase.deliveredRate < rate * 0.8) {
      log(`  (the simulator delivered only ${phase.deliveredRate.toFixed(0)} ev/s: its own ceiling on this machine)`);
      break;
    }
  }
  return sustainable;
}
