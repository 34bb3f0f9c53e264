// Drawing cost of the Trends charts in Chromium: the region's six uPlot charts (two series each, the
// size the board gives them) fed 7 days of MINUTE buckets (10,080 points a series), then redrawn with
// new data as a refresh does, each chart in its own task. A PerformanceObserver counts long tasks
// (over 50 ms) while they draw; the first chart also pays for compiling uPlot's code.
// Prints figures only.
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "@/e2e/support/chromium";

const POINTS = 7 * 24 * 60;
const CHARTS = 6;

export async function runTrendsDrawBench(log: (line: string) => void): Promise<void> {
  const uplot = readFileSync(path.join(__dirname, "..", "node_modules", "uplot", "dist", "uPlot.iife.min.js"), "utf8");
  const css = readFileSync(path.join(__dirname, "..", "node_modules", "uplot", "dist", "uPlot.min.css"), "utf8");
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.setContent(`<!doctype html><html><head><style>${css}</style></head><body></body></html>`);
    await page.addScriptTag({ content: uplot });
    // tsx keeps function names with a helper the page does not have.
    await page.evaluate("globalThis.__name = (fn) => fn");
    const result = await page.evaluate(
      async ({ points, charts }) => {
        const longTasks: number[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasks.push(entry.duration);
        }).observe({ type: "longtask", buffered: false });
        type UPlot = { setData(data: unknown): void };
        const UPlotCtor = (window as unknown as { uPlot: new (opts: unknown, data: unknown, el: HTMLElement) => UPlot }).uPlot;
        const start = Math.floor(Date.now() / 60_000) * 60 - (points - 1) * 60;
        const series = (seed: number) => Array.from({ length: points }, (_, i) => Math.round(5 + 4 * Math.sin((i + seed) / 90) + ((i * 7919 + seed) % 5)));
        const xs = Array.from({ length: points }, (_, i) => start + i * 60);
        const made: UPlot[] = [];
        const create: number[] = [];
        for (let c = 0; c < charts; c += 1) {
          const el = document.createElement("div");
          document.body.appendChild(el);
          const began = performance.now();
          made.push(
            new UPlotCtor(
              {
                width: 200,
                height: 60,
                legend: { show: false },
                cursor: { show: false },
                scales: { x: { time: true } },
                axes: [{ font: "12px sans-serif", size: 20 }, { font: "12px sans-serif", size: 30 }],
                series: [{}, { stroke: "#38bdf8", width: 1.5, points: { show: false } }, { stroke: "#fbbf24", width: 1.5, points: { show: false } }],
              },
              [xs, series(c), series(c + 100)],
              el,
            ),
          );
          // uPlot paints in a microtask after the call: wait it out so the figure includes the paint.
          await Promise.resolve();
          create.push(performance.now() - began);
          // Each chart in its own task, as the region's charts mount one effect at a time.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
        const update: number[] = [];
        for (const [c, chart] of made.entries()) {
          const began = performance.now();
          chart.setData([xs, series(c + 7), series(c + 107)]);
          await Promise.resolve();
          update.push(performance.now() - began);
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200)));
        return { create, update, longTasks };
      },
      { points: POINTS, charts: CHARTS },
    );
    const list = (values: number[]) => values.map((v) => v.toFixed(1)).join(", ");
    log(`  draw: ${CHARTS} charts × 2 series × ${POINTS.toLocaleString("en-US")} minute buckets (7 d)`);
    log(`    create (ms each): ${list(result.create)}`);
    log(`    new data (ms each): ${list(result.update)}`);
    log(`    long tasks (> 50 ms) while drawing: ${result.longTasks.length}${result.longTasks.length ? ` (${list(result.longTasks)} ms)` : ""}`);
  } finally {
    await browser.close();
  }
}
