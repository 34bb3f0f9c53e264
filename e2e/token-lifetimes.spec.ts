// Short-lived client tokens (30 s and 45 s, signed locally) keep the banner live for 3 minutes through
// many expiries and one server-side drop (a deploy), with a bounded number of mints: the refresh lead
// stays inside the lifetime and each fresh token's socket opens before the old one closes. A socket
// that goes silent (emission paused) makes the banner say the feed is quiet. Each lifetime gets its own
// dashboard on one simulator with trades flowing; both run in this file (about 7 minutes).
import { expect, test, type Page } from "@playwright/test";
import { connectionBanner, expectLive, openLiveBoard } from "./support/board";
import { e2eEnv } from "./support/env";
import { startAppProcess, startSimulatorProcess, type RunningProcess, type RunningSimulatorProcess } from "./support/processes";
import { simRequestTo } from "./support/sim-control";

const RUN_MS = 3 * 60_000;
/** After the drop the banner reconnects (250–1,250 ms) and waits out AssetPay's refusal window (1.5 s). */
const DROP_RECOVERY_MS = 6_000;
/** The quiet threshold is max(30 s, 10 × the usual gap); a busy feed's usual gap is well under 3 s. */
const QUIET_WITHIN_MS = 40_000;

let sim: RunningSimulatorProcess;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  sim = await startSimulatorProcess("lifetimes-sim", { SIM_RATE: "3", SIM_INITIAL_TRADES: "50", SIM_SEED: "token-lifetimes" });
});

test.afterAll(async () => {
  await sim?.stop();
});

const control = (path: string, body?: unknown) => simRequestTo(sim, "POST", path, body);

interface StateChange {
  state: string;
  quiet: boolean;
  at: number;
}

/** Keeps every change of the banner's data-state and data-quiet, with the page's time. */
async function recordBanner(page: Page): Promise<void> {
  await connectionBanner(page).evaluate((banner) => {
    const log: { state: string; quiet: boolean; at: number }[] = [];
    const read = () => ({ state: banner.getAttribute("data-state") ?? "", quiet: banner.getAttribute("data-quiet") === "true", at: Date.now() });
    log.push(read());
    (window as unknown as { __bannerLog: typeof log }).__bannerLog = log;
    new MutationObserver(() => {
      const now = read();
      const last = log.at(-1);
      if (last?.state !== now.state || last.quiet !== now.quiet) log.push(now);
    }).observe(banner, { attributes: true, attributeFilter: ["data-state", "data-quiet"] });
  });
}

const bannerLog = (page: Page) => page.evaluate(() => (window as unknown as { __bannerLog: StateChange[] }).__bannerLog);

for (const lifetimeSeconds of [30, 45]) {
  test.describe(`with ${lifetimeSeconds} s client tokens`, () => {
    let app: RunningProcess;
    test.beforeAll(async () => {
      test.setTimeout(120_000);
      app = await startAppProcess(`lifetimes-app-${lifetimeSeconds}`, {
        simulator: sim,
        staffAccounts: e2eEnv("E2E_STAFF_ACCOUNTS"),
        localSigning: true,
        extraEnv: { ASSETPAY_TOKEN_TTL_SECONDS: String(lifetimeSeconds) },
      });
    });
    test.afterAll(async () => {
      await app?.stop();
    });

    test(`the banner stays live for 3 minutes through expiries and a server drop, with a bounded mint count; a silent feed is called quiet`, async ({ page }) => {
      test.setTimeout(RUN_MS + 120_000);
      let mints = 0;
      page.on("request", (request) => {
        if (request.method() === "POST" && new URL(request.url()).pathname === "/api/assetpay/token") mints += 1;
      });
      await openLiveBoard(page, app.url);
      await recordBanner(page);
      const startedAt = Date.now();

      // A deploy: AssetPay drops every socket server-side, about a minute in.
      await page.waitForTimeout(60_000);
      const dropAt = Date.now();
      await control("/__sim/sockets/drop");
      await expectLive(page, DROP_RECOVERY_MS);

      // The feed goes silent while the socket stays up: the banner says so, and stays `live`.
      await page.waitForTimeout(20_000);
      const pausedAt = Date.now();
      await control("/__sim/emission/pause");
      try {
        await expect(connectionBanner(page)).toHaveAttribute("data-quiet", "true", { timeout: QUIET_WITHIN_MS });
        await expect(connectionBanner(page)).toHaveAttribute("data-state", "live");
        await expect(connectionBanner(page)).toContainText("Feed quiet");
        await expect(connectionBanner(page)).toContainText(/no new events since \d\d:\d\d:\d\d/);
      } finally {
        await control("/__sim/emission/resume");
      }
      await expect(connectionBanner(page)).not.toHaveAttribute("data-quiet", "true", { timeout: 10_000 });

      await page.waitForTimeout(Math.max(0, startedAt + RUN_MS - Date.now()));
      await expectLive(page, 1_000);

      const log = await bannerLog(page);
      // Never anything but live, except just after the drop: token swaps are invisible.
      const notLive = log.filter((change) => change.state !== "live");
      for (const change of notLive) {
        expect(change.at, `banner said ${change.state} outside the drop`).toBeGreaterThanOrEqual(dropAt);
        expect(change.at).toBeLessThan(dropAt + DROP_RECOVERY_MS);
        expect(change.state).toBe("reconnecting");
      }
      // Quiet only while emission was paused (it may clear a moment after the resume).
      for (const change of log.filter((c) => c.quiet)) expect(change.at).toBeGreaterThanOrEqual(pausedAt);

      const elapsedMs = Date.now() - startedAt;
      const bound = Math.floor(RUN_MS / (0.5 * lifetimeSeconds * 1_000)) + 2;
      test.info().annotations.push({ type: "mints", description: `${mints} token requests in ${Math.round(elapsedMs / 1000)} s (bound ${bound})` });
      expect(mints).toBeLessThanOrEqual(bound);
      // And they did refresh: a 3-minute run outlives several tokens.
      expect(mints).toBeGreaterThanOrEqual(Math.floor(RUN_MS / (lifetimeSeconds * 1_000)));
    });
  });
}
