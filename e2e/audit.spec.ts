// The audit log as an admin meets it: an operator acknowledges, assigns, snoozes and writes a note in
// their own browser, then signs out; the admin finds each action (who, what, from which address) in the
// Audit log table, filters it by action, exports it as CSV (the download has them, and the export is
// itself logged). An operator sees no Audit log link, gets 403 from the API and an admins-only page.
// One quiet simulator (no background trades) and one dashboard with an admin and an operator account.
import { readFileSync } from "node:fs";
import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import { expect, signInAt, test } from "./support/fixtures";
import { makeStaffCredentials, startSimulatorProcess, type RunningSimulatorProcess } from "./support/processes";
import { startDashboard, type RunningDashboard } from "./support/recorder";
import { simRequestTo, type SimTrade } from "./support/sim-control";

const admin = makeStaffCredentials("admin@example.test");
const operator = makeStaffCredentials("operator@example.test");
/** `email:hash` with the role put in: `email:role:hash`. */
const withRole = (credentials: { email: string; accounts: string }, role: string) =>
  credentials.accounts.replace(`${credentials.email}:`, `${credentials.email}:${role}:`);
const OPERATOR_AGENT = "AuditE2E-Operator/1.0 (Playwright)";

let sim: RunningSimulatorProcess;
let dashboard: RunningDashboard;
const appUrl = () => dashboard.app.url;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  sim = await startSimulatorProcess("audit-sim", { SIM_RATE: "0", SIM_INITIAL_TRADES: "0", SIM_SEED: "audit" });
  dashboard = await startDashboard("audit", { simulator: sim, staffAccounts: `${withRole(admin, "admin")},${withRole(operator, "operator")}` });
});

test.afterAll(async () => {
  await dashboard?.stop();
  await sim?.stop();
});

async function signedIn(browser: Browser, who: { email: string; password: string }, userAgent?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(userAgent ? { userAgent } : {});
  const page = await context.newPage();
  await signInAt(page, appUrl(), who.email, who.password);
  return { context, page };
}

/** A team action the way the dashboard's own pages send it (same origin, the session cookie). */
async function act(request: APIRequestContext, path: string, data: unknown = {}): Promise<void> {
  const response = await request.post(`${appUrl()}${path}`, { headers: { origin: appUrl() }, data });
  expect(response.status(), path).toBe(200);
}

/** Raises a stalled-trade alert through the simulator and waits until the dashboard lists it. */
async function raiseAlert(request: APIRequestContext): Promise<{ tradeId: string; alertId: string }> {
  const trade = await simRequestTo<SimTrade>(sim, "POST", "/__sim/trades", { status: "active", ageSeconds: 1800, stall: true });
  let alertId = "";
  await expect
    .poll(
      async () => {
        const body = (await (await request.get(`${appUrl()}/api/alerts?state=open`)).json()) as { alerts: { id: string; tradeId: string | null }[] };
        alertId = body.alerts.find((alert) => alert.tradeId === trade.id)?.id ?? "";
        return alertId;
      },
      { timeout: 30_000 },
    )
    .not.toBe("");
  return { tradeId: trade.id, alertId };
}

test("an admin sees each operator action with who and where in the Audit log, filters it, and exports it as CSV", async ({ browser }, testInfo) => {
  const op = await signedIn(browser, operator, OPERATOR_AGENT);
  const { tradeId, alertId } = await raiseAlert(op.context.request);
  const note = `=cmd|' /C calc'!A0 called the customer about ${tradeId}`;
  await act(op.context.request, `/api/alerts/${encodeURIComponent(alertId)}/snooze`, { minutes: 30 });
  await act(op.context.request, `/api/trades/${encodeURIComponent(tradeId)}/assign`, { assignee: operator.email });
  await act(op.context.request, `/api/trades/${encodeURIComponent(tradeId)}/notes`, { text: note });
  await act(op.context.request, `/api/alerts/${encodeURIComponent(alertId)}/acknowledge`);
  await op.page.goto(`${appUrl()}/board`);
  await op.page.getByRole("button", { name: "Sign out" }).click();
  await expect(op.page).toHaveURL(/\/sign-in/);
  await op.context.close();

  const { context, page } = await signedIn(browser, admin);
  try {
    await page.goto(`${appUrl()}/board`);
    await page.getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL(/\/audit$/);
    const table = page.getByRole("table", { name: "Audit log" });
    await expect(table).toBeVisible();

    const byOperator = table.getByRole("row").filter({ hasText: operator.email });
    const actions = ["acknowledge", "note", "assign", "snooze"]; // newest first
    const teamRows = byOperator.and(table.locator(actions.map((a) => `tr[data-action="${a}"]`).join(", ")));
    await expect(teamRows).toHaveCount(4);
    for (const [index, action] of actions.entries()) {
      const row = teamRows.nth(index);
      await expect(row.getByRole("cell").nth(2)).toHaveText(action);
      await expect(row.getByRole("cell").nth(4)).toHaveText(/127\.0\.0\.1/);
      await expect(row.getByRole("cell").nth(5)).toHaveAttribute("title", OPERATOR_AGENT);
      await expect(row.getByRole("cell").nth(0)).toHaveText(/\d{4}.*\d{2}:\d{2}:\d{2}/);
    }
    await expect(teamRows.nth(0)).toContainText(alertId);
    await expect(teamRows.nth(1)).toContainText(tradeId);
    // Sign-in and sign-out rows come from the sign-in flow; when this build records them, they say where from.
    const sessionRows = byOperator.and(table.locator('tr[data-action="sign-in"], tr[data-action="sign-out"]'));
    for (const row of await sessionRows.all()) await expect(row.getByRole("cell").nth(4)).toHaveText(/127\.0\.0\.1/);
    await page.screenshot({ path: testInfo.outputPath("audit-log-1280x800.png"), fullPage: true });

    await page.getByLabel("Action").selectOption("note");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(table.getByRole("row")).toHaveCount(2); // the header row and the note
    await expect(table.locator("tbody tr")).toHaveAttribute("data-action", "note");

    await page.getByRole("button", { name: "Clear" }).click();
    await expect(teamRows).toHaveCount(4);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export audit CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), "utf8");
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("When (UTC),Who,Action,Subject,Detail,Address,User agent");
    for (const action of actions) {
      expect(lines.some((line) => line.includes(`,${operator.email},${action},`) && /127\.0\.0\.1/.test(line)), action).toBe(true);
    }
    // What the operator typed reaches the spreadsheet as text, never as a formula.
    expect(csv).toContain(`'=cmd|`);
    expect(lines.some((line) => /(^|,)=cmd/.test(line))).toBe(false);

    await page.reload();
    await expect(table.locator('tbody tr[data-action="export"]').first()).toContainText(admin.email);
  } finally {
    await context.close();
  }
});

test("an operator sees no Audit log link, gets 403 from the audit API and an admins-only page", async ({ browser }) => {
  const { context, page } = await signedIn(browser, operator);
  try {
    await page.goto(`${appUrl()}/board`);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
    for (const path of ["/api/audit", "/api/audit/export"]) {
      const response = await context.request.get(`${appUrl()}${path}`);
      expect(response.status(), path).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
    await page.goto(`${appUrl()}/audit`);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("The audit log is for admins only.");
    await expect(page.getByRole("table", { name: "Audit log" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
