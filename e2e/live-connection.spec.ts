// The live connection under trouble: token expiry while connected, every socket dropped
// while trades keep changing, a forged token, and a session that ends mid-way. Runs against its own
// quiet simulator (no background trades) so the simulator's ground truth only changes when the spec
// says so, and the whole board can be compared with it.
import { expect, test, type Page } from "@playwright/test";
import { bannerStates, connectionBanner, expectLive, openLiveBoard, recordBannerStates, renderedRows, tradeCount, tradeRow } from "./support/board";
import { signInAt } from "./support/fixtures";
import { e2eEnv } from "./support/env";
import { startSimulatorProcess, type RunningProcess, type RunningSimulatorProcess } from "./support/processes";
import { startDashboard, type RunningDashboard } from "./support/recorder";
import { simRequestTo, type SimTrade } from "./support/sim-control";

let sim: RunningSimulatorProcess;
let dashboard: RunningDashboard;
let app: RunningProcess;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  sim = await startSimulatorProcess("live-sim", { SIM_RATE: "0", SIM_INITIAL_TRADES: "0", SIM_SEED: "live-connection" });
  // A browser's resync answers from the recorder's store after asking it for a reconcile that starts
  // after the request. These tests resync seconds after the board's first one: a 1 s interval between
  // on-demand reconciles (default 10 s) keeps their waits short.
  dashboard = await startDashboard("live", {
    simulator: sim,
    staffAccounts: e2eEnv("E2E_STAFF_ACCOUNTS"),
    recorderExtraEnv: { RECORDER_ON_DEMAND_RECONCILE_SECONDS: "1" },
  });
  app = dashboard.app;
});

test.afterAll(async () => {
  await dashboard?.stop();
  await sim?.stop();
});

test.use({ viewport: { width: 1280, height: 1400 } });

const control = <T = unknown>(method: "GET" | "POST", path: string, body?: unknown) => simRequestTo<T>(sim, method, path, body);

const openBoard = (page: Page) => openLiveBoard(page, app.url);

/** Stalled trades never advance by themselves, so only the spec moves them. */
async function createTrades(statuses: string[]): Promise<SimTrade[]> {
  const trades: SimTrade[] = [];
  for (const [index, status] of statuses.entries()) {
    trades.push(await control<SimTrade>("POST", "/__sim/trades", { status, game: index % 2 ? "252490" : "730", stall: true }));
  }
  return trades;
}

async function groundTruth(ids: string[]): Promise<Map<string, string>> {
  const state = await control<{ trades: SimTrade[] }>("GET", `/__sim/state?ids=${ids.join(",")}`);
  return new Map(state.trades.map((trade) => [trade.id, trade.status]));
}

async function expectBoardMatchesGroundTruth(page: Page): Promise<void> {
  await expect(async () => {
    const rows = await renderedRows(page);
    expect(rows.length).toBe(await tradeCount(page));
    const truth = await groundTruth(rows.map((row) => row.id));
    for (const row of rows) expect({ id: row.id, status: row.status }).toEqual({ id: row.id, status: truth.get(row.id) });
  }).toPass({ timeout: 20_000 });
}

async function pageLoadId(page: Page): Promise<number> {
  return page.evaluate(() => performance.timeOrigin);
}

test("a token that expires while connected is replaced without a reload, and no change is lost", async ({ page }) => {
  await openBoard(page);
  const [trade] = await createTrades(["active"]);
  if (!trade) throw new Error("no trade created");
  await expect(tradeRow(page, trade.id)).toHaveAttribute("data-status", "active");
  const loadedAt = await pageLoadId(page);
  await recordBannerStates(page);

  // The change happens while nothing is emitted, so only the resync after re-authentication can show it.
  await control("POST", "/__sim/emission/pause");
  await control("POST", `/__sim/trades/${trade.id}/status`, { status: "hold", stall: true });
  await control("POST", "/__sim/tokens/expire");

  await expect.poll(() => bannerStates(page)).toContain("reauthenticating");
  await expectLive(page);
  await expect(tradeRow(page, trade.id)).toHaveAttribute("data-status", "hold");
  expect(await pageLoadId(page)).toBe(loadedAt);
  await control("POST", "/__sim/emission/resume");
});

test("after every socket is dropped while trades change, the board matches the simulator's ground truth", async ({ page }) => {
  await openBoard(page);
  const created = await createTrades(["initiated", "pending", "active", "active", "hold", "initiated"]);
  for (const trade of created) await expect(tradeRow(page, trade.id)).toBeVisible();
  await recordBannerStates(page);

  await control("POST", "/__sim/emission/pause");
  const moves: Record<string, string> = { 0: "active", 1: "failed", 2: "hold", 3: "declined", 4: "completed" };
  for (const [index, status] of Object.entries(moves)) {
    const trade = created[Number(index)];
    if (trade) await control("POST", `/__sim/trades/${trade.id}/status`, { status, stall: true });
  }
  await control("POST", "/__sim/sockets/drop");

  await expect.poll(() => bannerStates(page)).toEqual(expect.arrayContaining(["live", expect.stringMatching(/reconnecting|reauthenticating/)]));
  await expectLive(page);
  // Still paused: nothing but the resync can have brought these changes.
  await expectBoardMatchesGroundTruth(page);
  const moved = created[1];
  if (moved) await expect(tradeRow(page, moved.id)).toHaveAttribute("data-status", "failed");
  await expect(connectionBanner(page)).toContainText(/resynced/i);
  await control("POST", "/__sim/emission/resume");
});

test("a forged token is refused by AssetPay and the dashboard mints a good one", async ({ page }) => {
  let tokenCalls = 0;
  await page.route("**/api/assetpay/token", async (route) => {
    tokenCalls += 1;
    if (tokenCalls > 1) return route.continue();
    const forged = [
      Buffer.from(JSON.stringify({ alg: "HS256", userId: "merchant" })).toString("base64url"),
      Buffer.from(JSON.stringify({ merchantId: "merchant", iat: 0, exp: 4_102_444_800 })).toString("base64url"),
      Buffer.from("not-the-secret").toString("base64url"),
    ].join(".");
    await route.fulfill({
      status: 200,
      contentType: "application/json",
      body: JSON.stringify({ token: forged, expiresAt: new Date(Date.now() + 900_000).toISOString(), wsUrl: sim.url }),
    });
  });
  await signInAt(page, app.url);
  // The socket opens with the forged token before AssetPay refuses it, so wait for the re-mint itself
  // rather than the first "live".
  await expect.poll(() => tokenCalls, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  await expectLive(page);
  const [trade] = await createTrades(["pending"]);
  if (trade) await expect(tradeRow(page, trade.id)).toHaveAttribute("data-status", "pending");
});

test("when the staff session ends mid-way the banner says signed out and offers to sign in again", async ({ page }) => {
  await openBoard(page);
  await page.context().clearCookies();
  // The next token the page asks for is refused with 401: the session is gone.
  await control("POST", "/__sim/tokens/expire");
  await expect(connectionBanner(page)).toHaveAttribute("data-state", "signed-out");
  await expect(page.getByRole("link", { name: /sign in again/i })).toBeVisible();
});
