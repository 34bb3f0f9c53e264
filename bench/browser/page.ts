// A Chromium page for the browser benchmark, with the in-page instruments (./instrument.ts) installed
// before any of the page's own code runs, and what the bench reads off it: counts shown, socket events
// taken in, the board's Diagnostics.
import type { Browser, BrowserContext, CDPSession, Page } from "@playwright/test";
import { bundleForBrowser } from "@/bench/bundle";
import { signInOverHttp, type Stack } from "@/bench/support";
import type { BenchWindow } from "./instrument";
import { sleep } from "./sim-control";

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

let instruments: Promise<string> | null = null;

export async function newBenchPage(browser: Browser, bypassCsp = false): Promise<BenchPage> {
  instruments ??= bundleForBrowser('import { installBenchInstruments } from "./instrument"; installBenchInstruments();', __dirname);
  const context = await browser.newContext({ viewport: { width: 1440, height: 1400 }, bypassCSP: bypassCsp });
  await context.addInitScript({ content: await instruments });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp };
}

/** Signs the stack's staff member in over HTTP and hands the session cookies to `context`. */
export async function cookiesFor(context: BrowserContext, appUrl: string, stack: Stack): Promise<void> {
  const header = await signInOverHttp(appUrl, stack.staff);
  await context.addCookies(
    header.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: appUrl };
    }),
  );
}

/** The trade count the page shows (under its current filter). */
export async function tradeCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("trade-count").first().textContent({ timeout: 5_000 }).catch(() => "0")) ?? "0";
  return Number(text.replace(/\D/g, "")) || 0;
}

export async function socketEvents(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __bench: BenchWindow }).__bench.socketEvents);
}

/** Waits until the page has taken in everything the socket delivered (no new events for 2 s). */
export async function settle(page: Page, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  while (Date.now() < deadline) {
    const now = await socketEvents(page);
    if (now === last) return;
    last = now;
    await sleep(2_000);
  }
}

/** The board's Diagnostics region as text ("" where there is none, as on the naive baseline). */
async function diagnosticsText(page: Page, timeoutMs: number): Promise<string> {
  return (await page.getByRole("region", { name: "Diagnostics" }).textContent({ timeout: timeoutMs }).catch(() => "")) ?? "";
}

/** The board's Diagnostics counters of events it set aside (NaN where there is no such panel: naive). */
export async function setAsideCounts(page: Page): Promise<{ stale: number; duplicates: number; malformed: number }> {
  const text = await diagnosticsText(page, 2_000);
  const read = (label: string) => Number(new RegExp(`${label}\\s*([\\d,]+)`).exec(text)?.[1]?.replace(/,/g, "") ?? Number.NaN);
  return { stale: read("Stale ignored"), duplicates: read("Duplicates"), malformed: read("Malformed ignored") };
}

/** "N trades held", from the Diagnostics region (the count the store holds, whatever the filter). */
export async function tradesHeld(page: Page): Promise<number> {
  const text = await diagnosticsText(page, 5_000);
  return Number(/([\d,]+) trades held/.exec(text)?.[1]?.replace(/,/g, "") ?? 0);
}

