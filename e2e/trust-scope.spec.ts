// Trust: the recorder's store belongs to one merchant, trades AssetPay forgot are shown as such, and
// what the recorder refused is visible. Own quiet simulators, recorders and dashboard (never the
// shared ones): one merchant's store must not see another's recorder, and the counts must be exact.
import { expect, test } from "@playwright/test";
import { openLiveBoard, tradeRow } from "./support/board";
import { e2eEnv } from "./support/env";
import { startAppProcess, startSimulatorProcess, type RunningProcess, type RunningSimulatorProcess } from "./support/processes";
import { type RunningRecorderProcess, recorderEnv, runRecorderUntilExit, startRecorderProcess, tempRecorderDir } from "./support/recorder";
import { type SimTrade, simRequestTo } from "./support/sim-control";

const QUIET = { SIM_RATE: "0", SIM_INITIAL_TRADES: "0" };

test("a store used by one merchant refuses another merchant's recorder with one line naming RECORDER_DATA_DIR", async () => {
  test.setTimeout(240_000);
  const first = await startSimulatorProcess("scope-sim-a", { ...QUIET, SIM_MERCHANT_ID: "mrc_scope_a" });
  const second = await startSimulatorProcess("scope-sim-b", { ...QUIET, SIM_MERCHANT_ID: "mrc_scope_b" });
  try {
    const storage = { dataDir: tempRecorderDir("scope-merchants") };
    const owner = await startRecorderProcess("scope-recorder-a", { simulator: first, storage });
    // Stopped, so the directory lock is not what refuses the next one: whose store it is does.
    await owner.stop();

    const refused = await runRecorderUntilExit("scope-recorder-b", { simulator: second, storage });
    expect(refused.code).toBe(1);
    const lines = refused.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[recorder\] RECORDER_DATA_DIR \(.+\): this store belongs to merchant mrc_scope_a at http:\/\/127\.0\.0\.1:\d+, not merchant mrc_scope_b at http:\/\/127\.0\.0\.1:\d+ \(another merchant and API URL\)/,
    );
    expect(refused.stdout).not.toContain("recording (");

    // The merchant it belongs to is still welcome.
    const again = await startRecorderProcess("scope-recorder-a-again", { simulator: first, storage });
    await again.stop();
  } finally {
    await first.stop();
    await second.stop();
  }
});

test.describe("one merchant's board and recorder", () => {
  let sim: RunningSimulatorProcess;
  let recorder: RunningRecorderProcess;
  let app: RunningProcess;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    sim = await startSimulatorProcess("scope-sim", { ...QUIET, SIM_SEED: "scope" });
    const storage = { dataDir: tempRecorderDir("scope-board") };
    // The shortest reconcile the settings allow, so a forgotten trade is found within seconds.
    recorder = await startRecorderProcess("scope-recorder", { simulator: sim, storage, extraEnv: { RECORDER_RECONCILE_SECONDS: "5" } });
    app = await startAppProcess("scope-app", { simulator: sim, staffAccounts: e2eEnv("E2E_STAFF_ACCOUNTS"), extraEnv: recorderEnv(storage) });
  });

  test.afterAll(async () => {
    await app?.stop();
    await recorder?.stop();
    await sim?.stop();
  });

  test("a stalled trade the simulator forgets becomes data-missing on an open board and leaves the stalled count", async ({ page }) => {
    test.setTimeout(120_000);
    const stalled = await simRequestTo<SimTrade>(sim, "POST", "/__sim/trades", { status: "active", ageSeconds: 1800 });
    await openLiveBoard(page, app.url);
    const row = tradeRow(page, stalled.id);
    await expect(row).toHaveAttribute("data-stalled", "true");
    await expect(row).toHaveAttribute("data-missing", "false");
    await expect(page.getByRole("button", { name: /^Stalled\D*1\b/ })).toBeVisible();

    await simRequestTo(sim, "POST", `/__sim/trades/${stalled.id}/forget`);

    // The recorder's next reconcile (5 s) confirms it with a single-ref 404; the board reads the
    // recorder's health every 20 s.
    await expect(row).toHaveAttribute("data-missing", "true", { timeout: 60_000 });
    await expect(row).toHaveAttribute("data-stalled", "false");
    await expect(row.getByRole("cell").filter({ hasText: "Not found at AssetPay" })).toHaveCount(1);
    await expect(page.getByRole("button", { name: /^Stalled\D*0\b/ })).toBeVisible();
    await expect(page.getByTestId("missing-count")).toHaveText("1");

    // A board opened afterwards gets it from the recorder's snapshot straight away.
    const fresh = await page.context().newPage();
    await fresh.goto(`${app.url}/board`);
    await expect(tradeRow(fresh, stalled.id)).toHaveAttribute("data-missing", "true");
    await expect(tradeRow(fresh, stalled.id)).toHaveAttribute("data-stalled", "false");
    await fresh.close();
  });

  test("a malformed event the recorder receives shows in recorder-malformed-count with its reason", async ({ page }) => {
    test.setTimeout(120_000);
    await openLiveBoard(page, app.url);
    const count = page.getByTestId("recorder-malformed-count");
    await expect(count).toHaveText(/^\d+$/);
    const before = Number(await count.textContent());

    await simRequestTo(sim, "POST", "/__sim/inject", { kind: "malformed", event: "trade", payload: { trade: { id: 42 } } });

    await expect(count).toHaveText(String(before + 1), { timeout: 60_000 });
    const diagnostics = page.getByRole("region", { name: "Diagnostics" });
    await expect(diagnostics.getByRole("list", { name: "Recorder's last problems" })).toContainText(/malformed trade: trade\.\w+: expected/);
    // The page's own count is the board's, separate from the recorder's.
    await expect(page.getByTestId("malformed-count")).toHaveText("1");
  });
});
