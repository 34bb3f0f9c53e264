// The event recorder as staff experience it: a board opened after trades happened still shows
// them — the one stuck for 30 minutes included — with their recorded history; a recorder that was down
// catches up through REST reconciliation; and two dashboards on one PostgreSQL show the same board.
import { rmSync } from "node:fs";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { postgresAvailability, startThrowawayPostgres, type PostgresCluster } from "../lib/db/testing/postgres-cluster";
import { expectLive, tradeCount, tradeRow } from "./support/board";
import { e2eEnv } from "./support/env";
import { expect, signIn, test } from "./support/fixtures";
import type { RunningProcess } from "./support/processes";
import { type RecorderStorage, type RunningRecorderProcess, startDashboard, startRecorderProcess, tempRecorderDir } from "./support/recorder";
import { sharedSimulator } from "./support/extra-apps";
import { type SimTrade, simRequest } from "./support/sim-control";

interface RecordedPayload {
  id: string;
  status: string;
  updatedAt: string;
}

interface Snapshot {
  trades: { payload: RecordedPayload; history: { status: string }[] }[];
}

interface Health {
  recorders: { alive: boolean; startedAt: string; state: { lastReconcile: { startedAt: string; errors: string[] } | null } }[];
}

function createTrade(body: Record<string, unknown>): Promise<SimTrade> {
  return simRequest<SimTrade>("POST", "/__sim/trades", { stall: true, ...body });
}

function moveTrade(id: string, status: string): Promise<SimTrade> {
  return simRequest<SimTrade>("POST", `/__sim/trades/${id}/status`, { status });
}

async function groundTruth(ids: string[]): Promise<Map<string, SimTrade>> {
  const state = await simRequest<{ trades: SimTrade[] }>("GET", `/__sim/state?ids=${ids.join(",")}`);
  return new Map(state.trades.map((trade) => [trade.id, trade]));
}

/** The recorded snapshot as the signed-in browser would get it. */
async function snapshot(request: APIRequestContext, appUrl: string): Promise<Map<string, Snapshot["trades"][number]>> {
  const response = await request.get(`${appUrl}/api/snapshot`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as Snapshot;
  return new Map(body.trades.map((trade) => [trade.payload.id, trade]));
}

async function signInAt(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel("Email").fill(e2eEnv("E2E_STAFF_EMAIL"));
  await page.getByLabel("Password").fill(e2eEnv("E2E_STAFF_PASSWORD"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

async function searchFor(page: Page, id: string): Promise<void> {
  await page.getByLabel("Search trades").fill(id);
  await expect(tradeRow(page, id)).toBeVisible();
}

/** A recorder and a dashboard reading its data, against the shared simulator. */
async function startPair(label: string, storage: RecorderStorage): Promise<{ app: RunningProcess; recorder: RunningRecorderProcess }> {
  const { app, recorder } = await startDashboard(label, { simulator: sharedSimulator(), staffAccounts: e2eEnv("E2E_STAFF_ACCOUNTS"), storage });
  return { app, recorder };
}

test("trades from before the browser opened, one stalled for 30 minutes, appear with their recorded history", async ({ page, baseURL }) => {
  const appUrl = baseURL ?? e2eEnv("E2E_APP_URL");
  await signIn(page);
  // Nothing on a page follows the socket while the trades happen.
  await page.goto("about:blank");

  const stalled = await createTrade({ status: "active", ageSeconds: 1800 });
  const moved = await createTrade({ status: "initiated", itemName: "AK-47 | Redline (Field-Tested)" });
  await moveTrade(moved.id, "active");
  await moveTrade(moved.id, "hold");

  await expect(async () => {
    const recorded = await snapshot(page.request, appUrl);
    expect(recorded.get(stalled.id)?.payload.status).toBe("active");
    expect(recorded.get(moved.id)?.history.map((change) => change.status)).toEqual(["initiated", "active", "hold"]);
  }).toPass({ timeout: 20_000 });

  // A freshly opened board.
  await page.goto("/board");
  await expectLive(page);
  await searchFor(page, stalled.id);
  await expect(tradeRow(page, stalled.id)).toHaveAttribute("data-status", "active");
  await expect(tradeRow(page, stalled.id)).toHaveAttribute("data-stalled", "true");

  await searchFor(page, moved.id);
  await expect(tradeRow(page, moved.id)).toHaveAttribute("data-status", "hold");
  await tradeRow(page, moved.id).focus();
  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog", { name: /^Deposit · CS2 · \$/ });
  await expect(drawer).toBeVisible();
  const steps = drawer.getByRole("list", { name: "Status timeline" }).getByRole("listitem");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText("Initiated");
  await expect(steps.nth(1)).toContainText("Offer sent");
  await expect(steps.nth(2)).toContainText("On hold");

  // The recorder reports on itself.
  const health = (await (await page.request.get(`${appUrl}/api/recorder/health`)).json()) as Health;
  expect(health.recorders.some((recorder) => recorder.alive)).toBe(true);
});

test("a recorder stopped for a while reconciles every in-flight trade with AssetPay when it restarts", async ({ page }) => {
  test.setTimeout(240_000);
  const storage = { dataDir: tempRecorderDir("reconcile") };
  const { app, recorder: firstRecorder } = await startPair("reconcile", storage);
  let recorder = firstRecorder;
  try {
    await signInAt(page, app.url);
    await page.goto("about:blank");
    const created: SimTrade[] = [];
    for (let index = 0; index < 6; index += 1) created.push(await createTrade({ status: "active", game: index % 2 ? "252490" : "730" }));
    const ids = created.map((trade) => trade.id);
    let inFlightBefore: string[] = [];
    await expect(async () => {
      const recorded = await snapshot(page.request, app.url);
      for (const id of ids) expect(recorded.get(id)?.payload.status).toBe("active");
      inFlightBefore = [...recorded.values()]
        .filter((trade) => ["initiated", "pending", "active", "hold"].includes(trade.payload.status))
        .map((trade) => trade.payload.id);
    }).toPass({ timeout: 30_000 });

    await recorder.stop();
    // While nobody records, AssetPay moves on: these events reach no one.
    const targets = ["hold", "completed", "declined", "failed", "canceled", "active"];
    for (const [index, id] of ids.entries()) if (targets[index] !== "active") await moveTrade(id, targets[index] ?? "hold");
    await page.waitForTimeout(3_000);

    const restartedAt = Date.now();
    recorder = await startRecorderProcess("reconcile-recorder", { simulator: sharedSimulator(), storage });
    await expect(async () => {
      const health = (await (await page.request.get(`${app.url}/api/recorder/health`)).json()) as Health;
      const reconciled = health.recorders.find((r) => r.alive && r.state.lastReconcile && Date.parse(r.state.lastReconcile.startedAt) >= restartedAt);
      expect(reconciled?.state.lastReconcile?.errors).toEqual([]);
    }).toPass({ timeout: 60_000 });

    // Every trade the recorder held as in flight now matches the simulator's ground truth (a trade that
    // moved again after the reconcile started is followed by the live socket; allow for that).
    await expect(async () => {
      const recorded = await snapshot(page.request, app.url);
      const truth = await groundTruth(inFlightBefore);
      for (const id of inFlightBefore) {
        const real = truth.get(id);
        if (!real) continue;
        const movedSince = Date.parse(real.updatedAt) >= restartedAt;
        if (ids.includes(id) || !movedSince) expect({ id, status: recorded.get(id)?.payload.status }).toEqual({ id, status: real.status });
      }
    }).toPass({ timeout: 30_000 });

    // A board opened now shows AssetPay's truth for each of them.
    await page.goto(`${app.url}/board`);
    await expectLive(page);
    const truth = await groundTruth(ids);
    for (const id of ids) {
      await searchFor(page, id);
      await expect(tradeRow(page, id)).toHaveAttribute("data-status", truth.get(id)?.status ?? "?");
    }
  } finally {
    await app.stop();
    await recorder.stop();
    rmSync(storage.dataDir, { recursive: true, force: true });
  }
});

test.describe("two dashboards on one PostgreSQL", () => {
  const availability = postgresAvailability();
  let cluster: PostgresCluster | null = null;
  const started: { app: RunningProcess; recorder: RunningRecorderProcess }[] = [];

  test.beforeAll(async () => {
    if (!availability.ok && process.env.CI) throw new Error(`PostgreSQL is required in CI: ${availability.reason}`);
  });

  test.afterAll(async () => {
    for (const pair of started.splice(0)) {
      await pair.app.stop();
      await pair.recorder.stop();
    }
    await cluster?.stop();
  });

  async function openBoard(browser: Browser, appUrl: string): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAt(page, appUrl);
    await page.goto(`${appUrl}/board`);
    await expectLive(page);
    return page;
  }

  test("show the same board", async ({ browser }) => {
    test.skip(!availability.ok, availability.ok ? "" : `SKIPPED: PostgreSQL unavailable — ${availability.reason}`);
    test.setTimeout(300_000);
    cluster = await startThrowawayPostgres();
    const storage = { databaseUrl: await cluster.createDatabase("e2e_two_apps") };
    started.push(await startPair("pg-a", storage));
    started.push(await startPair("pg-b", storage));
    const [a, b] = started as [(typeof started)[number], (typeof started)[number]];

    const stalled = await createTrade({ status: "active", ageSeconds: 1800 });
    const held = await createTrade({ status: "hold", game: "252490" });
    try {
      const pageA = await openBoard(browser, a.app.url);
      await expect(async () => {
        const recorded = await snapshot(pageA.request, a.app.url);
        expect(recorded.has(stalled.id) && recorded.has(held.id)).toBe(true);
      }).toPass({ timeout: 30_000 });
      // Hold the world still for the comparison: no events, so both boards come to hold exactly the
      // recorded set. What was emitted just before the pause may still be on its way into the database
      // when a board loads, so both are (re)loaded until they agree, rather than loaded once each.
      await simRequest("POST", "/__sim/emission/pause");
      const pageB = await openBoard(browser, b.app.url);
      await expect(async () => {
        for (const page of [pageA, pageB]) {
          await page.reload();
          await expectLive(page);
        }
        await expect(async () => {
          const [countA, countB] = [await tradeCount(pageA), await tradeCount(pageB)];
          expect(countA).toBeGreaterThanOrEqual(2);
          expect(countB).toBe(countA);
        }).toPass({ timeout: 10_000 });
      }).toPass({ timeout: 60_000 });
      for (const page of [pageA, pageB]) {
        await searchFor(page, stalled.id);
        await expect(tradeRow(page, stalled.id)).toHaveAttribute("data-stalled", "true");
        await searchFor(page, held.id);
        await expect(tradeRow(page, held.id)).toHaveAttribute("data-status", "hold");
      }
    } finally {
      await simRequest("POST", "/__sim/emission/resume");
    }
  });
});
