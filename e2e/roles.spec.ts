// Roles in the page, on a dashboard whose STAFF_ACCOUNTS has a viewer, an operator and an admin: the
// viewer sees the alerts, the trade and its team state but no control it cannot use and no Steam trade
// URL (neither in the page nor in the snapshot JSON it is sent), and the server refuses it with 403 when
// asked anyway; an operator assigns a trade to the admin with the Assignee picker, and the admin finds
// it through "Assigned to me". Runs on its own quiet simulator (no background trades) and dashboard.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";
import { expectLive, tradeRow } from "./support/board";
import { expect, signInAt, test } from "./support/fixtures";
import { startSimulatorProcess, type RunningSimulatorProcess } from "./support/processes";
import { startDashboard, type RunningDashboard } from "./support/recorder";
import { simRequestTo, type SimTrade } from "./support/sim-control";

type Role = "viewer" | "operator" | "admin";

const STAFF: Record<Role, { email: string; password: string }> = {
  viewer: { email: "viewer@example.test", password: `pw-${randomBytes(6).toString("hex")}` },
  operator: { email: "operator@example.test", password: `pw-${randomBytes(6).toString("hex")}` },
  admin: { email: "admin@example.test", password: `pw-${randomBytes(6).toString("hex")}` },
};
const STAFF_ACCOUNTS = (Object.entries(STAFF) as [Role, { email: string; password: string }][])
  .map(([role, { email, password }]) => `${email}:${role}:${bcrypt.hashSync(password, 10)}`)
  .join(",");

let sim: RunningSimulatorProcess;
let dashboard: RunningDashboard;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  sim = await startSimulatorProcess("roles-sim", { SIM_RATE: "0", SIM_INITIAL_TRADES: "0", SIM_SEED: "roles" });
  dashboard = await startDashboard("roles", { simulator: sim, staffAccounts: STAFF_ACCOUNTS });
});

test.afterAll(async () => {
  await dashboard?.stop();
  await sim?.stop();
});

test.use({ viewport: { width: 1440, height: 900 } });

const appUrl = () => dashboard.app.url;

/** An active trade older than the stall limit that the simulator keeps where it is: stalled, so alerted. */
function stalledTrade(): Promise<SimTrade> {
  return simRequestTo<SimTrade>(sim, "POST", "/__sim/trades", { status: "active", ageSeconds: 1800, stall: true });
}

async function boardAs(browser: Browser, role: Role): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInAt(page, appUrl(), STAFF[role].email, STAFF[role].password);
  await expect(page).toHaveURL(/\/board/);
  await expectLive(page);
  return { context, page };
}

/** Opens the Alerts region and waits for the trade's alert in it (the recorder raises it within 15 s). */
async function expectAlerted(page: Page, tradeId: string): Promise<void> {
  await page.getByRole("button", { name: "Alerts" }).click();
  const region = page.getByRole("region", { name: "Alerts" });
  await expect(region.locator(`[data-kind="stalled"][data-trade-id="${tradeId}"]`)).toBeVisible({ timeout: 15_000 });
}

async function closeAlerts(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Alerts" }).click();
  await expect(page.getByRole("region", { name: "Alerts" })).toBeHidden();
}

test("a viewer sees alerts and trades but no control it cannot use and no trade URL; the server refuses it with 403", async ({ browser }, testInfo) => {
  const trade = await stalledTrade();
  const { context, page } = await boardAs(browser, "viewer");
  try {
    await expect(page.getByRole("banner")).toContainText(`${STAFF.viewer.email} · Viewer`);
    await expectAlerted(page, trade.id);
    const region = page.getByRole("region", { name: "Alerts" });
    const item = region.locator(`[data-trade-id="${trade.id}"]`);
    await expect(item).toContainText("Trade stalled");
    await expect(region.getByRole("button", { name: /^Acknowledge|^Assign/ })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath("roles-viewer-header-alerts-1440x900.png") });
    await closeAlerts(page);

    await tradeRow(page, trade.id).click();
    const detail = page.getByRole("dialog");
    const team = detail.getByRole("region", { name: "Team" });
    await expect(team).toContainText("Nobody is assigned.");
    await expect(team).toContainText("1 open alert");
    for (const name of ["Acknowledge", "Assign to me", "Assign", "Unassign", "Snooze", "Add note"]) {
      await expect(team.getByRole("button", { name, exact: true })).toHaveCount(0);
    }
    await expect(team.getByRole("textbox", { name: "Note" })).toHaveCount(0);
    await expect(team.getByRole("combobox", { name: "Assignee" })).toHaveCount(0);
    const references = detail.getByRole("region", { name: "References" });
    await expect(references).toContainText(trade.clientSteamID);
    await expect(references).not.toContainText("Trade URL");
    await expect(detail).not.toContainText("steamcommunity.com/tradeoffer");
    await page.screenshot({ path: testInfo.outputPath("roles-viewer-trade-detail-1440x900.png") });

    // What the page would have drawn from, and what it may not do, asked directly.
    const snapshot = await context.request.get(`${appUrl()}/api/snapshot`);
    expect(snapshot.status()).toBe(200);
    const snapshotText = await snapshot.text();
    expect(snapshotText).toContain(trade.id);
    expect(snapshotText).not.toContain("clientTradeUrl");
    const open = (await (await context.request.get(`${appUrl()}/api/alerts?state=open`)).json()) as { alerts: { id: string; tradeId: string | null }[] };
    const alertId = open.alerts.find((alert) => alert.tradeId === trade.id)?.id;
    expect(alertId).toBeTruthy();
    const post = (path: string, data: unknown) => context.request.post(`${appUrl()}${path}`, { headers: { origin: appUrl() }, data });
    const refused = [
      await post(`/api/alerts/${encodeURIComponent(alertId ?? "")}/acknowledge`, {}),
      await post(`/api/trades/${encodeURIComponent(trade.id)}/assign`, { assignee: STAFF.operator.email }),
      await post(`/api/alerts/${encodeURIComponent(alertId ?? "")}/assign`, { assignee: STAFF.operator.email }),
      await post(`/api/trades/${encodeURIComponent(trade.id)}/notes`, { text: "viewers may not write" }),
    ];
    for (const response of refused) {
      expect(response.status()).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }

    // On a phone the header keeps to the screen's width and still says the role.
    await page.setViewportSize({ width: 390, height: 844 });
    const header = page.getByRole("banner");
    await expect(header.getByText("Viewer", { exact: true })).toBeVisible();
    expect(await header.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await page.screenshot({ path: testInfo.outputPath("roles-viewer-trade-detail-390.png") });
    await page.keyboard.press("Escape");
    await expect(detail).toBeHidden();
    await page.screenshot({ path: testInfo.outputPath("roles-viewer-header-390.png") });
  } finally {
    await context.close();
  }
});

test("an operator assigns a trade to the admin with the Assignee picker; the admin finds it through Assigned to me", async ({ browser }, testInfo) => {
  const trade = await stalledTrade();
  const operator = await boardAs(browser, "operator");
  const admin = await boardAs(browser, "admin");
  try {
    await expect(operator.page.getByRole("banner")).toContainText(`${STAFF.operator.email} · Operator`);
    await expectAlerted(operator.page, trade.id);
    await closeAlerts(operator.page);
    await operator.page.screenshot({ path: testInfo.outputPath("roles-operator-header-1440x900.png") });
    await tradeRow(operator.page, trade.id).click();
    const detail = operator.page.getByRole("dialog");
    await expect(detail.getByRole("region", { name: "References" })).toContainText("steamcommunity.com/tradeoffer");
    const team = detail.getByRole("region", { name: "Team" });
    const picker = team.getByRole("combobox", { name: "Assignee" });
    // Operators and admins only: the viewer is not someone work can be given to.
    await expect(picker.getByRole("option")).toHaveText([`${STAFF.admin.email} (Admin)`, `${STAFF.operator.email} (you)`]);
    await picker.selectOption(STAFF.admin.email);
    await team.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(team).toContainText(`Assigned to ${STAFF.admin.email}.`);
    await expect(team.getByRole("alert")).toHaveCount(0);
    await team.scrollIntoViewIfNeeded();
    await operator.page.screenshot({ path: testInfo.outputPath("roles-operator-trade-detail-1440x900.png") });

    const mine = admin.page.getByRole("button", { name: /^Assigned to me/ });
    await expect(mine).toHaveText(/1$/, { timeout: 10_000 });
    await mine.click();
    await expect(admin.page.getByTestId("trade-count")).toHaveText("1");
    await tradeRow(admin.page, trade.id).click();
    await expect(admin.page.getByRole("dialog").getByRole("region", { name: "Team" })).toContainText("Assigned to you.");
    await expect(admin.page.getByRole("banner")).toContainText(`${STAFF.admin.email} · Admin`);

    await team.getByRole("button", { name: "Unassign" }).click();
    await expect(team).toContainText("Nobody is assigned.");

    // The same picker on the alert itself, behind Assign….
    await operator.page.keyboard.press("Escape");
    await expect(detail).toBeHidden();
    await expectAlerted(operator.page, trade.id);
    const item = operator.page.getByRole("region", { name: "Alerts" }).locator(`[data-trade-id="${trade.id}"]`);
    await item.getByRole("button", { name: "Assign…" }).click();
    await item.getByRole("combobox", { name: "Assignee" }).selectOption(STAFF.operator.email);
    await item.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(item).toContainText(`Assigned to ${STAFF.operator.email}`);
    await expect(item.getByRole("combobox", { name: "Assignee" })).toBeHidden();
    await operator.page.screenshot({ path: testInfo.outputPath("roles-operator-alerts-1440x900.png") });
    await closeAlerts(operator.page);

    // On a phone the Team controls wrap inside the drawer instead of widening it.
    await operator.page.setViewportSize({ width: 390, height: 844 });
    await tradeRow(operator.page, trade.id).click();
    await expect(team).toContainText("Assigned to you.");
    await expect(team.getByRole("button", { name: "Add note" })).toBeVisible();
    expect(await detail.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await team.scrollIntoViewIfNeeded();
    await operator.page.screenshot({ path: testInfo.outputPath("roles-operator-trade-detail-390.png") });
  } finally {
    await operator.context.close();
    await admin.context.close();
  }
});
