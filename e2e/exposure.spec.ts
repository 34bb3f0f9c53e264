// The Exposure region read the way an ops lead reads it, against the simulator's ground truth: deposits
// in hold (value, by release day and game), pre-credit of instant deposits still in hold, reversals
// today and over 7 days by who reverted them. The test seeds holds and reversals across both games,
// instant and not, reads every trade the simulator holds (GET /__sim/state) and works out each figure
// itself — its own day arithmetic in the browser's time zone, not lib/trades/exposure — then clicks
// each figure and checks the Trades table shows exactly those trades. The browser runs in Asia/Kolkata
// (UTC+05:30) so "today" starts at a midnight that is not the machine's. A simulator of its own with no
// earlier history and no arrivals, and a dashboard with its own recorder: the shared simulator starts
// with trades the shared recorder never saw, so no figure on that board could equal its truth. Each
// comparison still re-reads the truth until board and truth agree (events take a moment to arrive).
// Last, the Time zone control switched to UTC moves a reversal seeded between the two midnights.
import type { Page } from "@playwright/test";
import { openLiveBoard } from "./support/board";
import { e2eEnv } from "./support/env";
import { expect, test } from "./support/fixtures";
import { type RunningSimulatorProcess, startSimulatorProcess } from "./support/processes";
import { type RunningDashboard, startDashboard } from "./support/recorder";
import { simRequestTo } from "./support/sim-control";

const CS2 = "730";
const RUST = "252490";
const ZONE = "Asia/Kolkata";
const DAY_S = 86_400;

let sim: RunningSimulatorProcess;
let dashboard: RunningDashboard;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  sim = await startSimulatorProcess("exposure-sim", { SIM_RATE: "0", SIM_INITIAL_TRADES: "0", SIM_SEED: "exposure" });
  dashboard = await startDashboard("exposure", { simulator: sim, staffAccounts: e2eEnv("E2E_STAFF_ACCOUNTS") });
});

test.afterAll(async () => {
  await dashboard?.stop();
  await sim?.stop();
});

test.use({ timezoneId: ZONE, viewport: { width: 1440, height: 900 } });

/** The wire fields the figures are defined on (docs/assetpay-api.md, trade fields). */
interface TruthTrade {
  id: string;
  type: string;
  status: string;
  game: string;
  totalPrice: number;
  preCredit?: number;
  isInstant?: boolean;
  holdEndDate?: string;
  revertedBy?: string;
  updatedAt: string;
}

const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const dayFormat = (timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
const DAY_IN_ZONE = dayFormat(ZONE);
const DAY_IN_UTC = dayFormat("UTC");
function plusDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
const cents = (usd: number | undefined) => Math.round((usd ?? 0) * 100);
const money = (list: readonly TruthTrade[], value: (t: TruthTrade) => number | undefined = (t) => t.totalPrice) =>
  USD.format(list.reduce((sum, t) => sum + cents(value(t)), 0) / 100);

/** Each figure's trades, from the simulator's truth, with days in the board's zone (`days`). */
function expectedFigures(trades: readonly TruthTrade[], nowMs: number, days: Intl.DateTimeFormat = DAY_IN_ZONE) {
  const dayOf = (iso: string): string => days.format(Date.parse(iso));
  const today = days.format(nowMs);
  const weekFirst = plusDays(today, -6);
  const lastRelease = plusDays(today, 6);
  const holds = trades.filter((t) => t.type === "deposit" && t.status === "hold");
  const reverted = trades.filter((t) => t.status === "reverted");
  const release = (t: TruthTrade): string => {
    if (!t.holdEndDate) return "later";
    const day = dayOf(t.holdEndDate);
    return day < today ? "overdue" : day > lastRelease ? "later" : day;
  };
  return {
    today,
    holds,
    instant: holds.filter((t) => t.isInstant === true),
    reversedToday: reverted.filter((t) => dayOf(t.updatedAt) >= today),
    reversed7d: reverted.filter((t) => dayOf(t.updatedAt) >= weekFirst),
    release,
  };
}

async function readTruth(): Promise<TruthTrade[]> {
  const state = await simRequestTo<{ trades: TruthTrade[] }>(sim, "GET", "/__sim/state?status=hold,reverted");
  return state.trades;
}

const ids = (list: readonly TruthTrade[]) => list.map((t) => t.id).sort();

async function shownIds(page: Page): Promise<string[]> {
  const rows = page.getByRole("table", { name: "Trades" }).locator("[data-trade-id]");
  return (await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-trade-id") ?? ""))).sort();
}

/** Until the board and a fresh read of the truth agree (the truth can move under a running test). */
async function agreeWithTruth(check: (figures: ReturnType<typeof expectedFigures>) => Promise<void>, days = DAY_IN_ZONE): Promise<void> {
  await expect(async () => {
    const figures = expectedFigures(await readTruth(), Date.now(), days);
    await check(figures);
  }).toPass({ timeout: 30_000, intervals: [250, 500, 1_000] });
}

const exposure = (page: Page) => page.getByRole("region", { name: "Exposure" });

async function clearExposureFilter(page: Page): Promise<void> {
  await page.getByRole("group", { name: "Exposure filter" }).getByRole("button", { name: /^Clear the exposure filter/ }).click();
  await expect(page.getByRole("group", { name: "Exposure filter" })).toHaveCount(0);
}

test("every Exposure figure equals the simulator's truth and opens exactly its trades", async ({ page }) => {
  await openLiveBoard(page, dashboard.app.url);

  const seeded = [
    { status: "hold", game: CS2, instant: true, holdEndsInSeconds: DAY_S + 3_600 },
    { status: "hold", game: CS2, instant: false, holdEndsInSeconds: 3 * DAY_S },
    { status: "hold", game: RUST, instant: true, holdEndsInSeconds: DAY_S + 3_600 },
    { status: "hold", game: CS2, instant: true, holdEndsInSeconds: 12 * DAY_S },
    { status: "hold", game: CS2, instant: false, holdEndsInSeconds: -3_600 },
    { status: "hold", game: CS2, type: "withdraw", holdEndsInSeconds: DAY_S },
    { status: "reverted", game: CS2, revertedBy: "user" },
    { status: "reverted", game: RUST, revertedBy: "supplier", ageSeconds: 60 },
    { status: "reverted", game: CS2, revertedBy: "supplier", ageSeconds: 3 * DAY_S },
    { status: "reverted", game: CS2, type: "withdraw", revertedBy: "user", ageSeconds: 5 * DAY_S },
    { status: "reverted", game: RUST, revertedBy: "user", ageSeconds: 9 * DAY_S },
  ];
  // One reversal between the two midnights (Kolkata's and UTC's, 5.5 h apart): "today" in one zone,
  // yesterday in the other, so switching the Time zone control must move it.
  const now = Date.now();
  const midnight = (days: Intl.DateTimeFormat) => {
    // The latest instant before now whose day differs from today's, plus a millisecond: found by halving.
    let lo = now - 86_400_000;
    let hi = now;
    while (hi - lo > 1_000) {
      const mid = Math.floor((lo + hi) / 2);
      if (days.format(mid) === days.format(now)) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  const between = (midnight(DAY_IN_ZONE) + midnight(DAY_IN_UTC)) / 2;
  seeded.push({ status: "reverted", game: RUST, revertedBy: "user", ageSeconds: Math.round((now - between) / 1000) });
  for (const body of seeded) await simRequestTo(sim, "POST", "/__sim/trades", { stall: true, ...body });

  // The figures.
  await agreeWithTruth(async (f) => {
    expect(f.holds).toHaveLength(5);
    expect(f.reversed7d).toHaveLength(5);
    await expect(page.getByTestId("hold-value")).toHaveText(money(f.holds), { timeout: 1_000 });
    await expect(page.getByTestId("precredit-at-risk")).toHaveText(money(f.instant, (t) => t.preCredit), { timeout: 1_000 });
    await expect(page.getByTestId("reversals-today")).toHaveText(String(f.reversedToday.length), { timeout: 1_000 });
    await expect(page.getByTestId("reversals-7d")).toHaveText(String(f.reversed7d.length), { timeout: 1_000 });
    for (const cause of ["user", "supplier"]) {
      const today = f.reversedToday.filter((t) => t.revertedBy === cause);
      const week = f.reversed7d.filter((t) => t.revertedBy === cause);
      await expect(exposure(page).getByRole("button", { name: `Show the ${today.length} ${today.length === 1 ? "trade" : "trades"} reverted today by the ${cause} (${money(today)})` })).toBeVisible({ timeout: 1_000 });
      await expect(exposure(page).getByRole("button", { name: `Show the ${week.length} ${week.length === 1 ? "trade" : "trades"} reverted in the last 7 days by the ${cause} (${money(week)})` })).toBeVisible({ timeout: 1_000 });
    }
  });

  // Hold by release day: every row and game column, from the truth.
  await exposure(page).getByRole("button", { name: "Hold by release day" }).click();
  const table = page.getByRole("dialog", { name: "Hold by release day" });
  await expect(table).toBeVisible();
  await agreeWithTruth(async (f) => {
    const days = new Set([...Array.from({ length: 7 }, (_, i) => plusDays(f.today, i)), ...f.holds.map(f.release)]);
    for (const day of days) {
      const row = table.locator(`tr[data-release="${day}"]`);
      const inDay = f.holds.filter((t) => f.release(t) === day);
      const cells = [inDay.filter((t) => t.game === "cs2" || t.game === CS2), inDay.filter((t) => t.game === "rust" || t.game === RUST), inDay];
      const texts = cells.map((list) => (list.length === 0 ? "—" : `${money(list)} (${list.length})`));
      await expect(row.locator("td")).toHaveText(texts, { timeout: 1_000 });
    }
  });
  // A cell opens its trades: the Rust deposits releasing on the seeded Rust hold's day.
  const truth = expectedFigures(await readTruth(), Date.now());
  const rustHolds = truth.holds.filter((t) => t.game === RUST);
  expect(rustHolds.length).toBeGreaterThan(0);
  const rustDay = truth.release(rustHolds[0] as TruthTrade);
  const rustThatDay = rustHolds.filter((t) => truth.release(t) === rustDay);
  await table.locator(`tr[data-release="${rustDay}"] td`).nth(1).getByRole("button").click();
  await expect(table).toBeHidden();
  await expect(page.getByTestId("trade-count")).toHaveText(String(rustThatDay.length));
  expect(await shownIds(page)).toEqual(ids(rustThatDay));
  await expect(page.getByRole("group", { name: "Game" }).getByRole("button", { name: /^Rust\b/ })).toHaveAttribute("aria-pressed", "true");
  await clearExposureFilter(page);

  // Each figure's button shows exactly its trades; its chip clears it.
  const views: { testId: string; pick: (f: ReturnType<typeof expectedFigures>) => TruthTrade[] }[] = [
    { testId: "hold-value", pick: (f) => f.holds },
    { testId: "precredit-at-risk", pick: (f) => f.instant },
    { testId: "reversals-today", pick: (f) => f.reversedToday },
    { testId: "reversals-7d", pick: (f) => f.reversed7d },
  ];
  for (const view of views) {
    await page.getByTestId(view.testId).click();
    await expect(page.getByRole("group", { name: "Exposure filter" })).toBeVisible();
    await agreeWithTruth(async (f) => {
      const expected = view.pick(f);
      await expect(page.getByTestId("trade-count")).toHaveText(String(expected.length), { timeout: 1_000 });
      expect(await shownIds(page), view.testId).toEqual(ids(expected));
    });
    await clearExposureFilter(page);
  }

  // By cause: the supplier's reversals over 7 days.
  await agreeWithTruth(async (f) => {
    const bySupplier = f.reversed7d.filter((t) => t.revertedBy === "supplier");
    await exposure(page).getByRole("button", { name: /reverted in the last 7 days by the supplier/ }).click({ timeout: 1_000 });
    await expect(page.getByTestId("trade-count")).toHaveText(String(bySupplier.length), { timeout: 1_000 });
    expect(await shownIds(page)).toEqual(ids(bySupplier));
  });
  expect(new URL(page.url()).searchParams.get("revertedBy")).toBe("supplier");
  await clearExposureFilter(page);

  // "Today" follows the Time zone control: in UTC the reversal between the two midnights moves.
  const inZone = expectedFigures(await readTruth(), Date.now()).reversedToday.length;
  await page.getByLabel("Time zone").selectOption("utc");
  await agreeWithTruth(async (f) => {
    expect(f.reversedToday.length).not.toBe(inZone);
    await expect(page.getByTestId("reversals-today")).toHaveText(String(f.reversedToday.length), { timeout: 1_000 });
    await page.getByTestId("reversals-today").click({ timeout: 1_000 });
    await expect(page.getByTestId("trade-count")).toHaveText(String(f.reversedToday.length), { timeout: 1_000 });
    expect(await shownIds(page)).toEqual(ids(f.reversedToday));
  }, DAY_IN_UTC);
});
