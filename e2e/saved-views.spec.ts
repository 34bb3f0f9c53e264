// Saved views between two staff members: Ann (operator) filters the board to Rust trades on hold and
// saves it as a SHARED view, and a CS2 view for herself only; Bob signs in in his own browser context,
// finds the shared view under Views (and not Ann's personal one), opens it and sees exactly the rows Ann
// saw (the URL says the view); then makes it his default, and a bare /board opens it. Ann deletes her
// personal view after being asked once more. Runs on its own quiet simulator (no background trades)
// and dashboard, so the rows are exactly the ones made here and no other spec's board meets a default view.
import type { Browser, BrowserContext, Page, TestInfo } from "@playwright/test";
import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";
import { expectLive, renderedRows, tradeCount } from "./support/board";
import { expect, signInAt, test } from "./support/fixtures";
import { startSimulatorProcess, type RunningSimulatorProcess } from "./support/processes";
import { startDashboard, type RunningDashboard } from "./support/recorder";
import { simRequestTo, type SimTrade } from "./support/sim-control";

const CS2 = "730";
const RUST = "252490";

const ANN = { email: "ann@example.test", password: `pw-${randomBytes(6).toString("hex")}` };
const BOB = { email: "bob@example.test", password: `pw-${randomBytes(6).toString("hex")}` };
const STAFF_ACCOUNTS = [ANN, BOB].map(({ email, password }) => `${email}:operator:${bcrypt.hashSync(password, 10)}`).join(",");

let sim: RunningSimulatorProcess;
let dashboard: RunningDashboard;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  sim = await startSimulatorProcess("views-sim", { SIM_RATE: "0", SIM_INITIAL_TRADES: "0", SIM_SEED: "views" });
  dashboard = await startDashboard("views", { simulator: sim, staffAccounts: STAFF_ACCOUNTS });
});

test.afterAll(async () => {
  await dashboard?.stop();
  await sim?.stop();
});

test.use({ viewport: { width: 1440, height: 900 } });

const appUrl = () => dashboard.app.url;

/** A trade the simulator keeps in `status` (stall: it never moves on by itself). */
function trade(game: string, status: string): Promise<SimTrade> {
  return simRequestTo<SimTrade>(sim, "POST", "/__sim/trades", { game, status, stall: true });
}

async function boardAs(browser: Browser, who: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInAt(page, appUrl(), who.email, who.password);
  await expect(page).toHaveURL(/\/board/);
  await expectLive(page);
  return { context, page };
}

const rowIds = async (page: Page) => (await renderedRows(page)).map((row) => row.id).sort();
const gameButton = (page: Page, name: string) => page.getByRole("group", { name: "Game" }).getByRole("button", { name: new RegExp(`^${name}\\b`) });
const statusButton = (page: Page, name: string) => page.getByRole("group", { name: "Status" }).getByRole("button", { name: new RegExp(`^${name}\\b`) });

async function saveView(page: Page, name: string, shared: boolean): Promise<void> {
  await page.getByRole("button", { name: "Save view" }).click();
  const dialog = page.getByRole("dialog", { name: "Save view" });
  await dialog.getByLabel("Name").fill(name);
  if (shared) await dialog.getByLabel("Share with the team").check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`View: ${name}`)).toBeVisible();
}

/** The Views list and the Save view dialog in both colour schemes, on a desktop and a phone, for people to look at. */
async function screenshots(page: Page, testInfo: TestInfo): Promise<void> {
  for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    for (const colorScheme of ["dark", "light"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.getByRole("button", { name: "Views" }).click();
      await expect(page.getByRole("dialog", { name: "Views" })).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`views-${size.width}-${colorScheme}.png`) });
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog", { name: "Views" })).toBeHidden();
      await expect(page.getByRole("button", { name: "Views" })).toBeFocused();
      await page.getByRole("button", { name: "Save view" }).click();
      await page.getByRole("dialog", { name: "Save view" }).getByLabel("Name").fill("Rust holds, morning check");
      await page.screenshot({ path: testInfo.outputPath(`save-view-${size.width}-${colorScheme}.png`) });
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog", { name: "Save view" })).toBeHidden();
    }
  }
}

test("a shared view saved by one staff member opens for another with the same rows, and can be their default", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const made = await Promise.all([
    trade(RUST, "hold"),
    trade(RUST, "hold"),
    trade(RUST, "active"),
    trade(RUST, "completed"),
    trade(CS2, "hold"),
    trade(CS2, "active"),
  ]);
  const expected = made.filter((t) => t.game === RUST && t.status === "hold").map((t) => t.id).sort();
  expect(expected).toHaveLength(2);

  const ann = await boardAs(browser, ANN);
  await expect.poll(() => tradeCount(ann.page)).toBe(made.length);

  // The dialog closes with Esc and gives focus back to its button.
  await ann.page.getByRole("button", { name: "Save view" }).click();
  await expect(ann.page.getByRole("dialog", { name: "Save view" })).toBeVisible();
  await ann.page.keyboard.press("Escape");
  await expect(ann.page.getByRole("dialog", { name: "Save view" })).toBeHidden();
  await expect(ann.page.getByRole("button", { name: "Save view" })).toBeFocused();

  await gameButton(ann.page, "Rust").click();
  await statusButton(ann.page, "On hold").click();
  await expect.poll(() => tradeCount(ann.page)).toBe(2);
  await expect.poll(() => rowIds(ann.page)).toEqual(expected);
  await saveView(ann.page, "Rust on hold", true);
  const sharedUrl = ann.page.url();

  await gameButton(ann.page, "CS2").click();
  await statusButton(ann.page, "On hold").click();
  await expect(ann.page.getByText("View: Rust on hold")).toBeHidden();
  await saveView(ann.page, "Ann's CS2", false);

  const bob = await boardAs(browser, BOB);
  await expect.poll(() => tradeCount(bob.page)).toBe(made.length);
  await bob.page.getByRole("button", { name: "Views" }).click();
  const shared = bob.page.getByRole("list", { name: "Shared views" });
  await expect(shared.getByRole("link", { name: "Rust on hold" })).toBeVisible();
  await expect(shared.getByText(`by ${ANN.email}`)).toBeVisible();
  await expect(bob.page.getByRole("link", { name: "Ann's CS2" })).toHaveCount(0);

  await shared.getByRole("link", { name: "Rust on hold" }).click();
  await expect(bob.page).toHaveURL(sharedUrl);
  await expect(bob.page.getByText("View: Rust on hold")).toBeVisible();
  await expect.poll(() => tradeCount(bob.page)).toBe(2);
  await expect.poll(() => rowIds(bob.page)).toEqual(expected);

  // Bob's default view: a bare /board opens it, and the address says so.
  await bob.page.getByRole("button", { name: "Views" }).click();
  await shared.getByRole("listitem").filter({ hasText: "Rust on hold" }).getByRole("button", { name: "Make default" }).click();
  await expect(shared.getByRole("listitem").filter({ hasText: "Rust on hold" }).getByText("Default", { exact: true })).toBeVisible();
  await bob.page.goto(`${appUrl()}/board`);
  await expectLive(bob.page);
  await expect(bob.page).toHaveURL(sharedUrl);
  await expect(bob.page.getByText("View: Rust on hold")).toBeVisible();
  await expect.poll(() => rowIds(bob.page)).toEqual(expected);
  await screenshots(bob.page, testInfo);

  // Ann has no default: her bare /board shows every trade.
  await ann.page.goto(`${appUrl()}/board`);
  await expectLive(ann.page);
  await expect.poll(() => tradeCount(ann.page)).toBe(made.length);
  await expect(ann.page).toHaveURL(`${appUrl()}/board`);

  // Deleting asks once more (Keep is the safe answer); then the view is gone from Ann's list.
  await ann.page.getByRole("button", { name: "Views" }).click();
  const annMine = ann.page.getByRole("list", { name: "My views" });
  const cs2View = annMine.getByRole("listitem").filter({ hasText: "Ann's CS2" });
  await cs2View.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(cs2View.getByRole("button", { name: "Keep" })).toBeFocused();
  await cs2View.getByRole("button", { name: "Keep" }).click();
  await cs2View.getByRole("button", { name: "Delete", exact: true }).click();
  await cs2View.getByRole("button", { name: "Yes, delete" }).click();
  await expect(annMine.getByRole("link", { name: "Ann's CS2" })).toHaveCount(0);
  await expect(annMine.getByRole("link", { name: "Rust on hold" })).toBeVisible();

  await ann.context.close();
  await bob.context.close();
});
