// The naive baseline (bench/naive): the same trades rendered as plain DOM rows, one fresh page per
// rate (loading 100,000 rows takes minutes), measured with the board's probes until a rate is not
// sustained. Returns the highest rate it sustained.
import type { Browser } from "@playwright/test";
import { heapMB } from "@/bench/cdp-metrics";
import { startNaiveServer } from "@/bench/naive/server";
import type { SimTarget } from "@/e2e/support/sim-control";
import { RETAINED, type PhaseFigures } from "./figures";
import { newBenchPage, tradeCount } from "./page";
import { measurePhase } from "./phase";
import { sleep, type Control } from "./sim-control";

export interface NaiveRunOptions {
  sim: SimTarget;
  control: Control;
  /** The board's probe trades, measured on the baseline too. */
  probes: string[];
  eventsPerTrade: number;
  rates: number[];
}

export async function runNaive(browser: Browser, o: NaiveRunOptions, phases: PhaseFigures[], log: (line: string) => void): Promise<number> {
  const { control, probes } = o;
  let sustainable = 0;
  const naive = await startNaiveServer({
    socketUrl: o.sim.url,
    token: async () => (await control<{ token: string }>("POST", "/__sim/tokens", {})).token,
    initialTrades: async () => {
      // The newest trades plus the probes, whatever their age.
      const newest = (await control<{ trades: { id: string }[] }>("GET", `/__sim/state?limit=${RETAINED}`)).trades;
      const ids = new Set(newest.map((t) => t.id));
      const probeTrades = (await control<{ trades: { id: string }[] }>("GET", `/__sim/state?ids=${probes.join(",")}`)).trades;
      return JSON.stringify([...newest, ...probeTrades.filter((t) => !ids.has(t.id))]);
    },
  });
  try {
    const naiveRates = [...new Set([1, 3, 10, ...o.rates])].sort((a, b) => a - b);
    let naiveFailed = false;
    for (const rate of naiveRates) {
      const page = await newBenchPage(browser);
      try {
        const loadStarted = Date.now();
        await page.page.goto(naive.url);
        await page.page.waitForFunction((n) => Number(document.querySelector("[data-testid=trade-count]")?.textContent ?? 0) >= n, RETAINED, { timeout: 5 * 60_000, polling: 1_000 });
        const loadHeap = await heapMB(page.cdp);
        log(`  naive baseline: ${(await tradeCount(page.page)).toLocaleString("en")} trades as DOM rows after ${((Date.now() - loadStarted) / 1000).toFixed(0)} s; heap after GC ${loadHeap.toFixed(0)} MB`);
        const phase = await measurePhase(page.page, control, probes, o.eventsPerTrade, { impl: "naive", view: "naive, all rows rendered", targetRate: rate, seconds: 10, probeEveryMs: 500, drainMs: 3_000, cdp: null }, log);
        phases.push({ ...phase, heapMB: loadHeap });
        if (phase.sustainable && !naiveFailed) sustainable = rate;
        else naiveFailed = true;
      } finally {
        await page.context.close();
      }
      await sleep(3_000);
    }
  } finally {
    await naive.close();
  }
  return sustainable;
}
