// Alerts as staff meet them in the browser: a trade made stalled through the simulator shows up in the
// Alerts region, in the count and in the tab title; a desktop notification is shown once per alert,
// not again after a reload; an acknowledgement in one browser clears the alert in another; and the
// trade detail's Team section acknowledges, assigns and takes notes (HTML in a note stays text).
// Runs against its own quiet simulator (no background trades) and its own dashboard, so the only
// alerts are the ones these tests raise; each test leaves every alert acknowledged.
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { expectLive, openLiveBoard, tradeRow } from "./support/board";
import { e2eEnv } from "./support/env";
import { expect, signInAt, test } from "./support/fixtures";
import { startSimulatorProcess, type RunningSimulatorProcess } from "./support/processes";
import { startDashboard, type RunningDashboard } from "./support/recorder";
import { simRequestTo, type SimTrade } from "./support/sim-control";

let sim: RunningSimulatorProcess;
let dashboard: RunningDashboard;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  sim = await startSimulatorProcess("alerts-ui-sim", { SIM_RATE: "0", SIM_INITIAL_TRADES: "0", SIM_SEED: "alerts-ui" });
  dashboard = await startDashboard("alerts-ui", { simulator: sim, staffAccounts: e2eEnv("E2E_STAFF_ACCOUNTS") });
});

test.afterAll(async () => {
  await dashboard?.stop();
  await sim?.stop();
});

test.afterEach(async ({ browser }) => {
  // Whatever a test left open (also when it failed half-way) must not count in the next one.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signInAt(page, appUrl());
    const response = await context.request.post(`${appUrl()}/api/alerts/acknowledge-all`, { headers: { origin: appUrl() }, data: {} });
    expect(response.status()).toBe(200);
  } finally {
    await context.close();
  }
});

test.use({ viewport: { width: 1440, height: 900 } });

const appUrl = () => dashboard.app.url;

/** An active trade older than the stall limit that the simulator keeps where it is: stalled. */
function stalledTrade(): Promise<SimTrade> {
  return simRequestTo<SimTrade>(sim, "POST", "/__sim/trades", { status: "active", ageSeconds: 1800, stall: true });
}

const alertCount = (page: Page) => page.getByTestId("alert-count");

/** Opens the Alerts region from the header's Alerts button (if it is not open yet). */
async function openAlerts(page: Page): Promise<Locator> {
  const region = page.getByRole("region", { name: "Alerts" });
  if (!(await region.isVisible())) await page.getByRole("button", { name: "Alerts" }).click();
  await expect(region).toBeVisible();
  return region;
}

function stalledAlertOf(region: Locator, tradeId: string): Locator {
  return region.getByRole("listitem").and(region.locator(`[data-kind="stalled"][data-trade-id="${tradeId}"]`));
}

async function signedInBoard(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  const page = await context.newPage();
  await openLiveBoard(page, appUrl());
  return { context, page };
}

test("a stalled trade raises an alert: listed in the Alerts region within 15 s, counted, and in the tab title", async ({ page }, testInfo) => {
  await openLiveBoard(page, appUrl());
  await expect(alertCount(page)).toHaveText("0");
  await expect(page).not.toHaveTitle(/^\(\d+\) /);

  const trade = await stalledTrade();
  const region = await openAlerts(page);
  const item = stalledAlertOf(region, trade.id);
  await expect(item).toBeVisible({ timeout: 15_000 });
  await expect(item).toHaveAttribute("data-alert-id", /.+/);
  await expect(item).toContainText(trade.id);
  await expect(alertCount(page)).toHaveText("1");
  await expect(page).toHaveTitle(/^\(1\) /);
  await page.screenshot({ path: testInfo.outputPath("board-alerts-region-1440x900.png") });

  await item.getByRole("button", { name: "Acknowledge" }).click();
  await expect(item).toBeHidden();
  await expect(alertCount(page)).toHaveText("0");
  await expect(page).not.toHaveTitle(/^\(\d+\) /);
});

test("with Desktop notifications on and allowed, each new alert shows one Notification (tag = alert id), not again after a reload", async ({ browser }) => {
  const { context, page } = await signedInBoard(browser, { permissions: ["notifications"] });
  try {
    // Every Notification this origin constructs, kept across reloads (tags in order).
    await context.addInitScript(() => {
      const key = "e2e:notification-tags";
      const Original = window.Notification;
      window.Notification = new Proxy(Original, {
        construct(target, args: [string, NotificationOptions?]) {
          const tags = JSON.parse(localStorage.getItem(key) ?? "[]") as string[];
          localStorage.setItem(key, JSON.stringify([...tags, args[1]?.tag ?? ""]));
          return Reflect.construct(target, args) as object;
        },
        get: (target, property) => Reflect.get(target, property) as unknown,
      });
    });
    await page.reload();
    await expectLive(page);
    const notified = () => page.evaluate(() => JSON.parse(localStorage.getItem("e2e:notification-tags") ?? "[]") as string[]);
    expect(await page.evaluate(() => Notification.permission)).toBe("granted");

    const region = await openAlerts(page);
    const toggle = region.getByRole("switch", { name: "Desktop notifications" });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");

    const first = await stalledTrade();
    const firstItem = stalledAlertOf(region, first.id);
    await expect(firstItem).toBeVisible({ timeout: 15_000 });
    const firstId = (await firstItem.getAttribute("data-alert-id")) ?? "";
    await expect.poll(notified).toEqual([firstId]);

    // A reload opens a new stream whose snapshot holds the first alert again: no second notification
    // for it, while the next new alert (raised after the snapshot) does get its one.
    await page.reload();
    await expectLive(page);
    const reloaded = await openAlerts(page);
    await expect(reloaded.getByRole("switch", { name: "Desktop notifications" })).toHaveAttribute("aria-checked", "true");
    await expect(stalledAlertOf(reloaded, first.id)).toBeVisible();
    const second = await stalledTrade();
    const secondItem = stalledAlertOf(reloaded, second.id);
    await expect(secondItem).toBeVisible({ timeout: 15_000 });
    const secondId = (await secondItem.getAttribute("data-alert-id")) ?? "";
    await expect.poll(notified).toEqual([firstId, secondId]);
    await expect(alertCount(page)).toHaveText("2");
  } finally {
    await context.close();
  }
});

test("an alert acknowledged in one browser is cleared in another within 5 s", async ({ browser }) => {
  const a = await signedInBoard(browser);
  const b = await signedInBoard(browser);
  try {
    const trade = await stalledTrade();
    const regionA = await openAlerts(a.page);
    await expect(stalledAlertOf(regionA, trade.id)).toBeVisible({ timeout: 15_000 });
    await expect(alertCount(b.page)).toHaveText("1", { timeout: 15_000 });
    await expect(b.page).toHaveTitle(/^\(1\) /);

    await stalledAlertOf(regionA, trade.id).getByRole("button", { name: "Acknowledge" }).click();
    await expect(alertCount(b.page)).toHaveText("0", { timeout: 5_000 });
    await expect(b.page).not.toHaveTitle(/^\(\d+\) /, { timeout: 5_000 });
    await expect(alertCount(a.page)).toHaveText("0");
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test("the trade detail's Team section acknowledges, assigns and takes notes; HTML in a note is shown as text", async ({ page }, testInfo) => {
  await openLiveBoard(page, appUrl());
  const trade = await stalledTrade();
  await expect(alertCount(page)).toHaveText("1", { timeout: 15_000 });

  await tradeRow(page, trade.id).click();
  const detail = page.getByRole("dialog");
  await expect(detail).toContainText(trade.id);
  const team = detail.getByRole("region", { name: "Team" });
  const acknowledge = team.getByRole("button", { name: "Acknowledge" });
  const note = team.getByRole("textbox", { name: "Note", exact: true });
  const addNote = team.getByRole("button", { name: "Add note" });
  await expect(acknowledge).toBeEnabled();
  await expect(team.getByRole("button", { name: "Assign to me" })).toBeVisible();
  await expect(note).toBeEditable();
  await expect(addNote).toBeVisible();

  // An empty note is refused in words.
  await addNote.click();
  await expect(team.getByRole("alert")).toHaveText("A note cannot be empty.");

  const markup = "<b>bold</b><script>window.__noteScriptRan = true</script>";
  await note.fill(markup);
  await addNote.click();
  const notes = team.getByRole("list", { name: "Notes" });
  await expect(notes.getByRole("listitem")).toHaveCount(1);
  await expect(notes.getByRole("listitem")).toContainText(markup);
  await expect(note).toHaveValue("");
  await expect(team.getByRole("alert")).toHaveCount(0);
  await expect(notes.locator("b, script")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __noteScriptRan?: boolean }).__noteScriptRan)).toBeUndefined();

  await team.getByRole("button", { name: "Assign to me" }).click();
  await expect(team).toContainText("Assigned to you.");
  await team.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("trade-detail-team-1440x900.png") });

  await acknowledge.click();
  await expect(team).toContainText("No open alerts.");
  await expect(acknowledge).toBeDisabled();
  await expect(alertCount(page)).toHaveText("0");
  await expect(page).not.toHaveTitle(/^\(\d+\) /);
});
