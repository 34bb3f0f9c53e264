// Fuzz: 10,000 generated malformed or hostile events go through the real socket path —
// the simulator's control API emits each exact payload, the browser's socket receives it, the board's
// parser decides. Each event is first classified in Node with the same lib/wire parser, so the board's
// Diagnostics must show exactly that many received, that many malformed and that many unknown
// statuses; nothing from a payload may become HTML; the page keeps working. Own quiet simulator.
import { expect, test, type Page } from "@playwright/test";
import { parseFundingEvent } from "@/lib/wire/parse-funding";
import { parseTradeEvent } from "@/lib/wire/parse-trade";
import { bannerStates, expectLive, openLiveBoard, recordBannerStates, tradeRow } from "./support/board";
import { e2eEnv } from "./support/env";
import { FUZZ_MARKER, generateFuzzEvents, type FuzzEvent } from "./support/fuzz-events";
import { startAppProcess, startSimulatorProcess, type RunningProcess, type RunningSimulatorProcess } from "./support/processes";
import { simRequestTo } from "./support/sim-control";

const COUNT = 10_000;
const CHUNK = 500;
const SEED = Number(process.env.FUZZ_SEED ?? 20260501);

let sim: RunningSimulatorProcess;
let app: RunningProcess;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  sim = await startSimulatorProcess("fuzz-sim", { SIM_RATE: "0", SIM_INITIAL_TRADES: "0", SIM_SEED: "fuzz" });
  app = await startAppProcess("fuzz-app", { simulator: sim, staffAccounts: e2eEnv("E2E_STAFF_ACCOUNTS") });
});

test.afterAll(async () => {
  await app?.stop();
  await sim?.stop();
});

test.use({ viewport: { width: 1280, height: 1200 } });

interface Expected {
  malformed: number;
  accepted: number;
  unknownStatuses: number;
}

/** What the board must count, decided by the parser the board itself runs. */
function classify(events: readonly FuzzEvent[]): Expected {
  const out: Expected = { malformed: 0, accepted: 0, unknownStatuses: 0 };
  for (const { event, payload } of events) {
    const result = event === "trade" ? parseTradeEvent(payload) : parseFundingEvent(event, payload);
    if (!result.ok) out.malformed += 1;
    else {
      out.accepted += 1;
      if (result.unknownStatus !== null) out.unknownStatuses += 1;
    }
  }
  return out;
}

async function figure(page: Page, label: string): Promise<number> {
  const diagnostics = page.getByRole("region", { name: "Diagnostics" });
  const text = await diagnostics.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]").textContent();
  return Number((text ?? "").replace(/\D/g, ""));
}

async function sendAll(events: readonly FuzzEvent[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < events.length) {
      const item = events[next];
      next += 1;
      if (item) await simRequestTo(sim, "POST", "/__sim/inject", { kind: "malformed", event: item.event, payload: item.payload });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/**
 * In chunks, each sent once the page has counted the previous one. Without this flow control a busy CI
 * machine let the page fall a minute behind the socket; AssetPay's heartbeat then sat behind that
 * backlog, the server dropped the connection as unresponsive, and what it had not yet written was lost
 * (which is Socket.IO's contract, not what this test is about).
 */
async function send(page: Page, events: readonly FuzzEvent[], receivedBefore: number): Promise<void> {
  for (let start = 0; start < events.length; start += CHUNK) {
    await sendAll(events.slice(start, start + CHUNK));
    const sent = Math.min(events.length, start + CHUNK);
    await expect
      .poll(() => figure(page, "Events received"), { timeout: 120_000, intervals: [250, 500, 1_000], message: `counted after ${sent} sent` })
      .toBe(receivedBefore + sent);
  }
}

test("10,000 hostile events through the socket: no crash, nothing rendered as HTML, every one counted", async ({ page }) => {
  test.setTimeout(10 * 60_000);
  const events = generateFuzzEvents(COUNT, SEED);
  const expected = classify(events);
  // The generator must really be hostile, and must also produce payloads the parser keeps (markup in
  // names, unknown statuses, pollution keys), or the rendering checks below would prove nothing.
  expect(expected.malformed).toBeGreaterThan(COUNT / 3);
  expect(expected.accepted).toBeGreaterThan(500);
  expect(expected.unknownStatuses).toBeGreaterThan(100);

  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  await openLiveBoard(page, app.url);
  await recordBannerStates(page);
  const before = { received: await figure(page, "Events received"), malformed: await figure(page, "Malformed ignored"), unknown: await figure(page, "Unknown statuses") };

  const sendStarted = Date.now();
  await send(page, events, before.received);
  const sendSeconds = (Date.now() - sendStarted) / 1000;

  // Every one counted, over one connection that stayed up throughout (a reconnect would lose events).
  expect(await figure(page, "Events received"), `sent in ${sendSeconds} s`).toBe(before.received + COUNT);
  expect(await bannerStates(page)).toEqual(["live"]);
  expect(await figure(page, "Malformed ignored")).toBe(before.malformed + expected.malformed);
  await expect(page.getByTestId("malformed-count")).toHaveText(String(before.malformed + expected.malformed));
  expect(await figure(page, "Unknown statuses")).toBe(before.unknown + expected.unknownStatuses);

  // Nothing from a payload became markup, ran, or polluted a prototype.
  expect(await page.locator(`[${FUZZ_MARKER}]`).count()).toBe(0);
  const leaked = await page.evaluate(() => ({
    pwned: (window as unknown as { __fuzzPwned?: unknown }).__fuzzPwned ?? null,
    polluted: ({} as Record<string, unknown>).polluted ?? null,
    isAdmin: ({} as Record<string, unknown>).isAdmin ?? null,
    csp: (window as unknown as { __cspViolations: string[] }).__cspViolations,
  }));
  expect(leaked).toEqual({ pwned: null, polluted: null, isAdmin: null, csp: [] });

  // Markup that was accepted as an item name is shown as text. (An id no other accepted id starts
  // with, so searching for it shows exactly that row.)
  const acceptedIds = events.flatMap((e) => {
    const parsed = e.event === "trade" ? parseTradeEvent(e.payload) : null;
    return parsed?.ok ? [parsed.value.id] : [];
  });
  const markupTrade = events.find((e) => {
    if (e.event !== "trade") return false;
    const parsed = parseTradeEvent(e.payload);
    if (!parsed.ok || parsed.value.status === "unknown" || !(parsed.value.items[0]?.name.startsWith("<img") ?? false)) return false;
    const id = parsed.value.id;
    return acceptedIds.filter((other) => other.includes(id)).length === 1;
  });
  if (!markupTrade) throw new Error("the generator produced no accepted trade with markup in an item name");
  const parsedMarkup = parseTradeEvent(markupTrade.payload);
  if (!parsedMarkup.ok) throw new Error("unreachable");
  await page.getByLabel("Search trades").fill(parsedMarkup.value.id);
  const row = tradeRow(page, parsedMarkup.value.id);
  await expect(row).toBeVisible();
  await expect(row).toContainText("<img");
  // (The row's own icons are inline SVG; nothing else of these kinds belongs in a row.)
  expect(await row.locator(`img, script, iframe, [${FUZZ_MARKER}], [onerror], [onload], a[href^="javascript"]`).count()).toBe(0);

  // And the board still works: a normal trade shows up, the feed is live, nothing threw.
  await page.getByLabel("Search trades").fill("");
  const normal = await simRequestTo<{ id: string }>(sim, "POST", "/__sim/trades", { status: "active", stall: true });
  await page.getByLabel("Search trades").fill(normal.id);
  await expect(tradeRow(page, normal.id)).toHaveAttribute("data-status", "active");
  await expectLive(page);
  expect(pageErrors).toEqual([]);
});
