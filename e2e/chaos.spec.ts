// Chaos: while the simulator's trades keep moving, 50 seeded random faults hit the live
// board — sockets dropped, the simulator restarted, tokens expired, emission paused (events lost),
// AssetPay's REST answering 429 — and afterwards every trade on the board matches the simulator's
// ground truth. Own simulator and dashboard, quiet except for what this spec does.
//
// A simulator restart stands for AssetPay restarting with its data: a new process on the same port,
// with the same key, secret and seed, replays this spec's log of creations and moves (same seed →
// same trade ids), as a real service would come back from its database.
// Events lost while emission is paused reach no client; only a resync (after a reconnect) repairs
// them, so the run always ends with one reconnecting fault — see the report in bench/RESULTS.md.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectLive, openLiveBoard, renderedRows, tradeCount } from "./support/board";
import { e2eEnv } from "./support/env";
import { seededRandom } from "@/lib/trades/test-fixtures";
import { freePort, waitForHttp } from "./support/ports";
import { launch, stopChild, type RunningProcess, type RunningSimulatorProcess } from "./support/processes";
import { startDashboard, type RunningDashboard } from "./support/recorder";
import { simRequestTo, type SimTrade } from "./support/sim-control";

const SEED = Number(process.env.CHAOS_SEED ?? 7_2026);
const FAULTS = 50;
const TRADES = 20;

type Op = { op: "create"; body: Record<string, unknown>; id: string } | { op: "move"; id: string; status: string };

const identity = { port: 0, apiKey: `ap_chaos_${randomBytes(8).toString("hex")}`, apiSecret: randomBytes(32).toString("hex") };
let sim: RunningSimulatorProcess;
let dashboard: RunningDashboard;
let app: RunningProcess;
const log: Op[] = [];

/** The simulator on this spec's fixed port, key, secret and seed (a restart must come back the same). */
async function startSim(): Promise<RunningSimulatorProcess> {
  const child = launch("chaos-sim", path.resolve(__dirname, "..", "node_modules", ".bin", "tsx"), ["sim/main.ts"], {
    ...process.env,
    SIM_PORT: String(identity.port),
    SIM_HOST: "127.0.0.1",
    SIM_API_KEY: identity.apiKey,
    SIM_API_SECRET: identity.apiSecret,
    SIM_SEED: "chaos",
    SIM_RATE: "0",
    SIM_INITIAL_TRADES: "0",
  });
  const url = `http://127.0.0.1:${identity.port}`;
  await waitForHttp(`${url}/v1/wallets/me/balance`);
  return { url, port: identity.port, apiKey: identity.apiKey, apiSecret: identity.apiSecret, stop: () => stopChild(child) };
}

function control<T = unknown>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  return simRequestTo<T>({ url: `http://127.0.0.1:${identity.port}`, apiKey: identity.apiKey }, method, path, body);
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  identity.port = await freePort();
  sim = await startSim();
  dashboard = await startDashboard("chaos", { simulator: sim, staffAccounts: e2eEnv("E2E_STAFF_ACCOUNTS") });
  app = dashboard.app;
});

test.afterAll(async () => {
  await dashboard?.stop();
  await sim?.stop();
});

test.use({ viewport: { width: 1280, height: 1600 } });

/** Forward moves only: a finished trade stays finished (a later "reverted" would be a new lifecycle). */
const NEXT: Record<string, readonly string[]> = {
  initiated: ["pending", "active", "canceled"],
  pending: ["active", "declined", "canceled"],
  active: ["hold", "completed", "declined", "failed"],
  hold: ["completed", "failed"],
};

async function restartSimulator(): Promise<void> {
  await sim.stop();
  sim = await startSim();
  // Back with its data: the same creations (same seed → same ids) and moves, in order.
  for (const entry of log) {
    if (entry.op === "create") {
      const trade = await control<SimTrade>("POST", "/__sim/trades", entry.body);
      if (trade.id !== entry.id) throw new Error(`replay gave ${trade.id} for ${entry.id}: the simulator is not deterministic`);
    } else {
      await control("POST", `/__sim/trades/${entry.id}/status`, { status: entry.status, stall: true });
    }
  }
}

async function groundTruth(): Promise<Map<string, string>> {
  const state = await control<{ trades: SimTrade[] }>("GET", "/__sim/state");
  return new Map(state.trades.map((trade) => [trade.id, trade.status]));
}

test("50 random faults while trades move: afterwards the board matches the simulator's ground truth", async ({ page }) => {
  test.setTimeout(10 * 60_000);
  const next = seededRandom(SEED);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const pause = (ms: number) => page.waitForTimeout(ms);

  await openLiveBoard(page, app.url);
  const statuses = ["initiated", "pending", "active", "hold"];
  for (let i = 0; i < TRADES; i += 1) {
    const body = { status: statuses[i % statuses.length], game: i % 2 ? "252490" : "730", type: i % 3 ? "deposit" : "withdraw", stall: true };
    const trade = await control<SimTrade>("POST", "/__sim/trades", body);
    log.push({ op: "create", body, id: trade.id });
  }
  await expect.poll(() => tradeCount(page)).toBe(TRADES);

  const current = new Map(log.flatMap((e) => (e.op === "create" ? [[e.id, String(e.body.status)] as const] : [])));
  const moveSome = async () => {
    const moves = Math.floor(next() * 4);
    for (let m = 0; m < moves; m += 1) {
      const movable = [...current].filter(([, status]) => NEXT[status] !== undefined);
      if (movable.length === 0) return;
      const [id, status] = pick(movable);
      const to = pick(NEXT[status] ?? []);
      await control("POST", `/__sim/trades/${id}/status`, { status: to, stall: true });
      log.push({ op: "move", id, status: to });
      current.set(id, to);
    }
  };

  const kinds = ["drop", "drop", "restart", "token-expiry", "token-expiry", "pause", "pause", "rate-limit", "rate-limit"] as const;
  const tally: Record<string, number> = {};
  for (let fault = 1; fault <= FAULTS; fault += 1) {
    // The last fault reconnects the board, so what was lost while emission was paused gets resynced.
    const kind = fault === FAULTS ? "drop" : pick(kinds);
    tally[kind] = (tally[kind] ?? 0) + 1;
    await moveSome();
    switch (kind) {
      case "drop":
        await control("POST", "/__sim/sockets/drop");
        break;
      case "restart":
        await restartSimulator();
        break;
      case "token-expiry":
        await control("POST", "/__sim/tokens/expire");
        break;
      case "pause":
        await control("POST", "/__sim/emission/pause");
        await moveSome();
        await pause(200 + Math.floor(next() * 1_500));
        await control("POST", "/__sim/emission/resume");
        break;
      case "rate-limit":
        // Two requests a minute: token mints and resync batches hit 429 with Retry-After for a while.
        await control("POST", "/__sim/rate-limit", { perMinute: 2 });
        await moveSome();
        await pause(500 + Math.floor(next() * 2_500));
        await control("POST", "/__sim/rate-limit", { perMinute: 3000 });
        break;
    }
    await moveSome();
    await pause(Math.floor(next() * 1_200));
  }
  expect(Object.values(tally).reduce((a, b) => a + b, 0)).toBe(FAULTS);
  for (const kind of new Set(kinds)) expect(tally[kind] ?? 0, `${kind} faults`).toBeGreaterThan(0);

  // Afterwards: live again, and every trade on the board shows exactly what the simulator holds. The
  // board's resync reads the recorder's store, and the recorder honours AssetPay's last 429 (up to a
  // minute) before its reconcile may spend the budget again, hence the longer wait than the reconnect.
  // The board's token mints wait out the same pause (tokens here are minted by AssetPay).
  await expectLive(page, 150_000);
  await expect(async () => {
    const truth = await groundTruth();
    const rows = await renderedRows(page);
    expect(rows.length).toBe(truth.size);
    expect(await tradeCount(page)).toBe(truth.size);
    const board = new Map(rows.map((row) => [row.id, row.status]));
    expect(Object.fromEntries(board)).toEqual(Object.fromEntries(truth));
  }).toPass({ timeout: 150_000, intervals: [1_000] });
  // And the ground truth is what this spec did: the restarts lost nothing.
  expect(Object.fromEntries(await groundTruth())).toEqual(Object.fromEntries(current));
});
