// The Trends region read the way a person reads it: a chart per measure, each named and described by
// its totals, the Range control switching 1 h / 24 h / 7 d (the trends route answers each), and a
// trade the simulator completes showing up in the completed count. Runs on the shared app, with the
// simulator's arrival rate at 0 so the counts move only with this file's trades (and those in flight).
import type { Page, TestInfo } from "@playwright/test";
import { expectLive } from "./support/board";
import { expect, signIn, test } from "./support/fixtures";
import { quietSimulatorDuring, type SimTrade, simRequest } from "./support/sim-control";

quietSimulatorDuring(test);

const CHARTS = ["Trades started", "Trades completed", "Trades failed", "Trades reverted", "Trades stalled", "Median time to accept"];

function trends(page: Page) {
  return page.getByRole("region", { name: "Trends" });
}

/** The chart's text alternative (its accessible description), e.g. "CS2 3 · Rust 1 in 1 h". */
async function description(page: Page, chart: string): Promise<string> {
  const id = await trends(page).getByRole("img", { name: chart, exact: true }).getAttribute("aria-describedby");
  return (await page.locator(`[id="${id}"]`).textContent()) ?? "";
}

function cs2Total(text: string): number {
  const match = /CS2 ([\d,]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no CS2 total in ${JSON.stringify(text)}`);
  return Number(match[1].replace(/,/g, ""));
}

async function chooseRange(page: Page, label: "1 h" | "24 h" | "7 d", query: string): Promise<void> {
  const answered = page.waitForResponse((response) => response.url().includes(`/api/trends?range=${query}`));
  await trends(page).getByRole("radiogroup", { name: "Range" }).getByRole("radio", { name: label }).check();
  expect((await answered).status()).toBe(200);
  await expect(trends(page).getByRole("img", { name: "Trades started", exact: true })).toHaveAccessibleDescription(new RegExp(` in ${label}$`));
}

async function screenshots(page: Page, testInfo: TestInfo): Promise<void> {
  for (const theme of ["dark", "light"] as const) {
    await page.evaluate((value) => {
      document.documentElement.dataset.theme = value;
    }, theme);
    for (const [width, height] of [[1440, 900], [1920, 1080], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await trends(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: testInfo.outputPath(`trends-${theme}-${width}x${height}.png`) });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("the Trends region charts each measure, switches range, and counts a trade the simulator completes", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  await page.goto("/board");
  await expectLive(page);

  const region = trends(page);
  await expect(region).toBeVisible();
  for (const chart of CHARTS) await expect(region.getByRole("img", { name: chart, exact: true })).toHaveAccessibleDescription(/CS2 .* · Rust /);
  await expect(region.getByRole("radiogroup", { name: "Range" }).getByRole("radio", { name: "24 h" })).toBeChecked();

  await chooseRange(page, "7 d", "7d");
  await chooseRange(page, "1 h", "1h");
  const before = cs2Total(await description(page, "Trades completed"));

  const trade = await simRequest<SimTrade>("POST", "/__sim/trades", { status: "active", game: "730", type: "deposit", stall: true });
  await simRequest("POST", `/__sim/trades/${trade.id}/status`, { status: "completed" });

  // The charts refresh each minute; switching to a range nothing else shows asks again at once (the
  // route keeps an answer 5 s). Not 24 h: the count cards' sparklines keep that one polling.
  await expect(async () => {
    await chooseRange(page, "7 d", "7d");
    await chooseRange(page, "1 h", "1h");
    expect(cs2Total(await description(page, "Trades completed"))).toBeGreaterThanOrEqual(before + 1);
  }).toPass({ timeout: 30_000, intervals: [2_000, 3_000, 5_000] });

  await screenshots(page, testInfo);
});
