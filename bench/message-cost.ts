// The browser's own main-thread cost per socket message, apart from the board: a page with nothing but
// socket.io-client and a counter, fed ~1,000 trade events a second by the simulator. It is the floor
// under the board's per-event cost (one AssetPay event is one WebSocket message), and it answers
// whether a big retained heap or a page that produces frames makes each message dearer.
// `npm run bench -- message` (opt-in: it is not part of a plain `npm run bench`); no build needed.
import { setTimeout as sleep } from "node:timers/promises";
import { chromium, type CDPSession, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "@/e2e/support/chromium";
import { simRequestTo, type SimTarget } from "@/e2e/support/sim-control";
import { bundleForBrowser } from "./bundle";
import { heapMB, mainThreadSeconds, mainThreadShares, pct } from "./cdp-metrics";
import { startStack } from "./support";

/** New trades a second: the simulator sends ~4 trade events per trade, so ~1,000 events a second. */
const NEW_TRADES_PER_SECOND = 250;
const MEASURE_SECONDS = 15;
/** Retained objects shaped like stored trades: about the heap the board holds at 100,000 trades. */
const RETAINED_OBJECTS = 300_000;

const VARIANTS = [
  { name: "bare page", heap: false, frames: false },
  { name: `holding ${RETAINED_OBJECTS.toLocaleString("en")} retained objects`, heap: true, frames: false },
  { name: "with a requestAnimationFrame loop", heap: false, frames: true },
  { name: "both", heap: true, frames: true },
] as const;

const PAGE_SCRIPT = `
import { io } from "socket.io-client";
const w = window as unknown as Record<string, unknown>;
w.messages = 0;
w.connect = (url: string, apiKey: string) => new Promise<void>((resolve, reject) => {
  const socket = io(url, { transports: ["websocket"], query: { apiKey } });
  socket.on("trade", () => { w.messages = (w.messages as number) + 1; });
  socket.once("connect", () => resolve());
  socket.once("connect_error", (e) => reject(new Error("connect_error: " + e.message)));
});
w.retain = (n: number) => {
  const kept: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const at = new Date().toISOString();
    kept.push(JSON.parse(JSON.stringify({
      id: "t-" + i + "-" + Math.random(), status: "active", createdAt: at, updatedAt: at,
      items: [{ id: "i" + i, name: "AK-47 | Redline (Field-Tested) " + i, marketHashName: "AK-47 | Redline " + i, price: i, iconUrl: "https://example.test/icon/" + i }],
      history: [{ status: "pending", at: "a" + i }, { status: "active", at: "b" + i }],
    })));
  }
  w.kept = kept;
};
w.produceFrames = () => { const frame = () => requestAnimationFrame(frame); requestAnimationFrame(frame); };
`;

interface Reading {
  eventsPerSecond: number;
  busy: number;
  script: number;
}

async function messagesSeen(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { messages: number }).messages);
}

async function measure(page: Page, cdp: CDPSession, sim: SimTarget, newTradesPerSecond: number): Promise<Reading> {
  await simRequestTo(sim, "POST", "/__sim/rate", { rate: newTradesPerSecond });
  await sleep(3_000);
  const startedAt = Date.now();
  const messagesBefore = await messagesSeen(page);
  const before = await mainThreadSeconds(cdp);
  await sleep(MEASURE_SECONDS * 1000);
  const endedAt = Date.now();
  const messagesAfter = await messagesSeen(page);
  const after = await mainThreadSeconds(cdp);
  const seconds = (endedAt - startedAt) / 1000;
  const shares = mainThreadShares(before, after, seconds);
  if (!shares) throw new Error("message bench: no CDP Performance metrics from the page");
  return { eventsPerSecond: (messagesAfter - messagesBefore) / seconds, busy: shares.busy, script: shares.script };
}

export async function runMessageCostBench(log: (line: string) => void = console.log): Promise<void> {
  const stack = await startStack("message", { simEnv: { SIM_SPEED: "1000000", SIM_RATE_LIMIT_PER_MIN: "100000000" }, apps: [] });
  const sim = stack.sim;
  const script = await bundleForBrowser(PAGE_SCRIPT, __dirname);
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS });
  try {
    for (const variant of VARIANTS) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1400 } });
      try {
        const page = await context.newPage();
        // A page of the simulator's origin (any answer will do): from about:blank the socket never
        // connected here (not investigated; the dashboard's pages have a real origin).
        await page.goto(`${sim.url}/__sim/state`).catch(() => undefined);
        await page.addScriptTag({ content: script });
        if (variant.heap) await page.evaluate((n) => (window as unknown as { retain: (n: number) => void }).retain(n), RETAINED_OBJECTS);
        if (variant.frames) await page.evaluate(() => (window as unknown as { produceFrames: () => void }).produceFrames());
        await page.evaluate(([url, apiKey]) => (window as unknown as { connect: (u: string, k: string) => Promise<void> }).connect(url ?? "", apiKey ?? ""), [sim.url, sim.apiKey]);
        const cdp = await context.newCDPSession(page);
        const rest = await measure(page, cdp, sim, 0);
        const load = await measure(page, cdp, sim, NEW_TRADES_PER_SECOND);
        await simRequestTo(sim, "POST", "/__sim/rate", { rate: 0 });
        const perEventMs = ((load.busy - rest.busy) / Math.max(1, load.eventsPerSecond)) * 1000;
        const heap = await heapMB(cdp);
        log(
          `  ${variant.name}: JS heap after GC ${heap.toFixed(0)} MB; at rest busy ${pct(rest.busy, 1)}; ` +
            `at ${load.eventsPerSecond.toFixed(0)} trade events/s busy ${pct(load.busy, 1)} (script ${pct(load.script, 1)}); ` +
            `main thread per event ${perEventMs.toFixed(3)} ms`,
        );
      } finally {
        await context.close();
      }
      await sleep(2_000);
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}
