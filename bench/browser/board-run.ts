// The built board in one browser context: preloaded to 100,000 trades, then each main rate measured
// with only the probes in view and in the default view (at 1,000 events/s also paused), the ramp, and the soak.
import type { Browser } from "@playwright/test";
import { heapMB } from "@/bench/cdp-metrics";
import { startSocketObserver, type SocketObserver } from "@/bench/socket-observer";
import type { Stack } from "@/bench/support";
import type { BoardSession } from "./board-session";
import { RETAINED, type BrowserFigures, type PhaseFigures } from "./figures";
import { cookiesFor, newBenchPage, settle, tradesHeld } from "./page";
import { measurePhase } from "./phase";
import { preload } from "./preload";
import { runRamp, sustainedSoFar } from "./ramp";
import type { Control } from "./sim-control";
import { runSoak } from "./soak";

const PROBES = 24;

/**
 * CSS the --contain experiment adds to the board (a candidate fix, measured; not part of the app).
 * BENCH_EXPERIMENT_CSS replaces it, to measure any other stylesheet the same way (e.g. one that hides
 * a panel, to find what a panel costs).
 */
const CONTAINMENT_CSS = process.env.BENCH_EXPERIMENT_CSS || "main > *, aside > * { contain: content; }";

export interface BoardRunOptions {
  contain: boolean;
  rates: number[];
  phaseSeconds: number;
  ramp: boolean;
  soakMinutes: number;
  soakWarmupMinutes: number;
  soakWarmupRate: number;
}

export interface BoardRun {
  label: string;
  phases: PhaseFigures[];
  sustainable: number;
  probes: string[];
}

export async function runBoard(
  browser: Browser,
  stack: Stack,
  control: Control,
  eventsPerTrade: number,
  o: BoardRunOptions,
  out: BrowserFigures,
  log: (line: string) => void,
): Promise<BoardRun> {
  const app = stack.apps[0];
  if (!app) throw new Error("no app");
  const label = o.contain ? `board + experiment CSS \`${CONTAINMENT_CSS}\`` : "board";
  const phases: PhaseFigures[] = [];
  const probes: string[] = [];
  const board = await newBenchPage(browser, o.contain);
  let observer: SocketObserver | null = null;
  try {
    await cookiesFor(board.context, app.url, stack);
    await board.page.goto(`${app.url}/board`);
    if (o.contain) await board.page.addStyleTag({ content: CONTAINMENT_CSS });
    await board.page.getByRole("status", { name: "Connection" }).and(board.page.locator('[data-state="live"]')).waitFor({ timeout: 60_000 });
    const run = Date.now().toString(36);
    const search = board.page.getByLabel("Search trades");
    await search.fill(`probe-${run}`);
    if ((await tradesHeld(board.page)) < RETAINED) {
      const seconds = await preload(board.page, control, RETAINED, log);
      out.preloadSeconds = seconds;
      log(`  board took in ${(await tradesHeld(board.page)).toLocaleString("en")} trades over its socket in ${seconds.toFixed(0)} s`);
    }
    probes.length = 0;
    for (let i = 0; i < PROBES; i += 1) {
      probes.push((await control<{ id: string }>("POST", "/__sim/trades", { status: "active", externalId: `probe-${run}-${i}`, stall: true })).id);
    }
    await board.page.waitForFunction((n) => document.querySelectorAll("[data-trade-id]").length === n, PROBES, { timeout: 60_000 });
    if (process.env.BENCH_OBSERVER) {
      observer = await startSocketObserver(stack.sim, probes);
    }
    out.retained = await tradesHeld(board.page);
    log(`  ${label}: ${out.retained.toLocaleString("en")} trades held; JS heap after GC ${(await heapMB(board.cdp)).toFixed(0)} MB`);

    const views = [
      { name: "rows in view", query: `probe-${run}` },
      { name: "default view", query: "" },
    ];
    // BENCH_VIEWS=rows: only the rows-in-view phases (the target's view), for quicker A/B runs.
    for (const view of process.env.BENCH_VIEWS === "rows" ? views.slice(0, 1) : views) {
      await search.fill(view.query);
      await board.page.waitForFunction((check) => document.querySelectorAll("[data-trade-id]").length > 0 && (check === "probes" ? document.querySelectorAll("[data-trade-id]").length <= 24 : true), view.query ? "probes" : "all", { timeout: 60_000 });
      await settle(board.page, 30_000);
      for (const rate of o.rates) {
        phases.push(
          await measurePhase(board.page, control, probes, eventsPerTrade, { impl: "board", view: `${label}, ${view.name}`, targetRate: rate, seconds: o.phaseSeconds, probeEveryMs: 150, drainMs: 5_000, cdp: board.cdp, observer }, log),
        );
        await settle(board.page, 60_000);
      }
    }

    // The default view at 1,000 events/s again, paused by "Pause live updates" for the whole phase:
    // how far behind the screen is then (by design, the pause), and whether every change shows on release.
    if (o.rates.includes(1000) && process.env.BENCH_VIEWS !== "rows") {
      await search.fill("");
      await settle(board.page, 30_000);
      const pause = board.page.getByRole("button", { name: "Pause live updates" });
      const hold = { press: () => pause.click(), release: () => pause.click() };
      phases.push(
        await measurePhase(board.page, control, probes, eventsPerTrade, { impl: "board", view: `${label}, default view, paused`, targetRate: 1000, seconds: o.phaseSeconds, probeEveryMs: 150, drainMs: 10_000, cdp: board.cdp, observer, hold }, log),
      );
      await settle(board.page, 60_000);
    }

    const session: BoardSession = { page: board.page, cdp: board.cdp, search, control, probes, run, eventsPerTrade, label, log };
    // Highest rate sustained: the main rates in order, then a ramp between the last one sustained and
    // the first one that was not (or beyond the last, when all were).
    const soFar = sustainedSoFar(phases);
    const sustainable = o.ramp ? await runRamp(session, phases, soFar) : soFar.sustainable;

    if (o.soakMinutes > 0) {
      const soak = await runSoak(session, { minutes: o.soakMinutes, warmupMinutes: o.soakWarmupMinutes, warmupRate: o.soakWarmupRate });
      phases.push(soak.latency);
      out.soak = soak;
    }
    return { label, phases, sustainable, probes };
  } finally {
    observer?.stop();
    await board.context.close();
  }
}
