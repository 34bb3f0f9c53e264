// The trade board used the way an operator uses it: filter by game, find stalled trades, search by
// every key, read the crypto feeds and diagnostics, open a trade's drawer. Runs against the shared
// simulator with its arrival rate at 0 (trades and funding already in flight keep moving, and what it
// made before the rate was cut can be newer than a test's backdated fixtures), so each test tags the
// trades it creates, compares counts exactly with the simulator's ground truth, and checks an order
// only among its own items.
import type { Page, TestInfo } from "@playwright/test";
import { connectionBanner, expectLive, tradeCount, tradeRow } from "./support/board";
import { expect, signIn, test } from "./support/fixtures";
import { quietSimulatorDuring, type SimTrade, simRequest, uniqueTag } from "./support/sim-control";

const CS2 = "730";
const RUST = "252490";

quietSimulatorDuring(test);


function randomSteamId(): string {
  return `7656119${String(Math.floor(Math.random() * 1e10)).padStart(10, "0")}`;
}

async function openBoard(page: Page): Promise<void> {
  await signIn(page);
  await page.goto("/board");
  await expectLive(page);
}

function createTrade(body: Record<string, unknown>): Promise<SimTrade> {
  return simRequest<SimTrade>("POST", "/__sim/trades", { stall: true, ...body });
}

async function search(page: Page, query: string): Promise<void> {
  await page.getByLabel("Search trades").fill(query);
}

function gameButton(page: Page, name: "All" | "CS2" | "Rust") {
  return page.getByRole("group", { name: "Game" }).getByRole("button", { name: new RegExp(`^${name}\\b`) });
}

/** The three Game chip counts, read in one go so they describe the same moment. */
async function gameCounts(page: Page): Promise<{ all: number; cs2: number; rust: number }> {
  const texts = await page.getByRole("group", { name: "Game" }).getByRole("button").allTextContents();
  // "CS2" itself has a digit: read only what follows the label.
  const count = (prefix: string) => Number((texts.find((t) => t.startsWith(prefix)) ?? "").slice(prefix.length).replace(/\D/g, ""));
  return { all: count("All"), cs2: count("CS2"), rust: count("Rust") };
}

async function renderedIds(page: Page): Promise<string[]> {
  return page.getByRole("table", { name: "Trades" }).locator("[data-trade-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-trade-id") ?? ""));
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

test("the CS2 and Rust filters show exactly the simulator's trades of that game", async ({ page }, testInfo) => {
  await openBoard(page);
  const tag = uniqueTag("game");
  const specs = [
    { game: CS2, status: "active" },
    { game: CS2, status: "hold" },
    { game: CS2, status: "completed" },
    { game: RUST, status: "active" },
    { game: RUST, status: "completed" },
  ];
  const created: SimTrade[] = [];
  for (const [i, spec] of specs.entries()) created.push(await createTrade({ ...spec, itemName: `${tag} Sticker ${i}` }));
  const byGame = (game: string) => created.filter((t) => t.game === game).map((t) => t.id).sort();

  await search(page, tag);
  await expect(page.getByTestId("trade-count")).toHaveText("5");
  await gameButton(page, "CS2").click();
  await expect(gameButton(page, "CS2")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("trade-count")).toHaveText("3");
  expect((await renderedIds(page)).sort()).toEqual(byGame(CS2));
  await expect(page.locator('[data-trade-id][data-game="rust"]')).toHaveCount(0);

  await gameButton(page, "Rust").click();
  await expect(page.getByTestId("trade-count")).toHaveText("2");
  expect((await renderedIds(page)).sort()).toEqual(byGame(RUST));
  await expect(page.locator('[data-trade-id][data-game="cs2"]')).toHaveCount(0);

  // The simulator's own view of the tagged trades, per game, is what the board shows.
  for (const [game, button] of [[CS2, "CS2"], [RUST, "Rust"]] as const) {
    const truth = await simRequest<{ trades: SimTrade[] }>("GET", `/__sim/state?game=${game}&ids=${created.map((t) => t.id).join(",")}`);
    await gameButton(page, button).click();
    await expect(page.getByTestId("trade-count")).toHaveText(String(truth.trades.length));
    expect((await renderedIds(page)).sort()).toEqual(truth.trades.map((t) => t.id).sort());
  }

  // All (and no search) shows every trade the board holds, finished ones included; the game chips add up.
  await gameButton(page, "All").click();
  await search(page, "");
  await expect(async () => {
    const counts = await gameCounts(page);
    expect(counts.cs2 + counts.rust).toBe(counts.all);
    expect(await tradeCount(page)).toBe(counts.all);
  }).toPass();
  await expect(page.locator('[data-trade-id][data-status="completed"]').first()).toBeAttached();
  await attachScreenshot(page, testInfo, "board-1280x800");
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(page.getByRole("table", { name: "Trades" }).locator("[data-trade-id]").first()).toBeVisible();
  await attachScreenshot(page, testInfo, "board-1920x1080");
});

test("a trade active for 30 minutes is stalled, says why, and is listed under Stalled", async ({ page }) => {
  await openBoard(page);
  const trade = await createTrade({ status: "active", ageSeconds: 1800 });
  const fresh = await createTrade({ status: "active" });

  await search(page, trade.id);
  const row = tradeRow(page, trade.id);
  await expect(row).toHaveAttribute("data-stalled", "true");
  await expect(row).toContainText("Stalled");
  await expect(row.locator('[title*="over the 20 min limit"]')).toContainText("Stalled");
  await expect(page.getByTestId("stalled-count")).not.toHaveText("0");

  await search(page, "");
  await page.getByRole("button", { name: "Stalled" }).click();
  await expect(page.getByRole("button", { name: "Stalled" })).toHaveAttribute("aria-pressed", "true");
  await search(page, trade.id);
  await expect(page.getByTestId("trade-count")).toHaveText("1");
  await expect(tradeRow(page, trade.id)).toBeVisible();
  await search(page, fresh.id);
  await expect(page.getByTestId("trade-count")).toHaveText("0");
  await search(page, "");
  await expect(page.getByTestId("trade-count")).not.toHaveText("0");
  const flags = await page.locator("[data-trade-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-stalled")));
  expect(flags.length).toBeGreaterThan(0);
  expect(new Set(flags)).toEqual(new Set(["true"]));
});

test("search finds a trade by id, externalId, Steam ID, offer id and item name", async ({ page }) => {
  await openBoard(page);
  const tag = uniqueTag("search");
  const trade = await createTrade({ status: "active", externalId: `${tag}-order`, steamId: randomSteamId(), itemName: `${tag} Karambit | Fade` });
  expect(trade.offerID).toBeTruthy();
  const keys: [string, string][] = [
    ["trade id", trade.id],
    ["externalId", trade.externalId ?? ""],
    ["Steam ID", trade.clientSteamID],
    ["offer id", trade.offerID ?? ""],
    ["item name", `${tag} karambit`],
  ];
  for (const [, query] of keys) {
    await search(page, query);
    await expect(page.getByTestId("trade-count")).toHaveText("1");
    await expect(tradeRow(page, trade.id)).toBeVisible();
  }
  await search(page, `${tag}-nothing`);
  await expect(page.getByTestId("trade-count")).toHaveText("0");
});

test("a re-sorted board keeps its rows in place in the page, while their positions, row numbers and arrow keys follow the sort", async ({ page }) => {
  await openBoard(page);
  const tag = uniqueTag("order");
  // Each a second more recently active than the one before (three quick requests can land in the same
  // millisecond, where the order would fall to the ids): the board lists them third, second, first.
  const first = await createTrade({ status: "active", ageSeconds: 3, itemName: `${tag} Glock-18 | Fade` });
  const second = await createTrade({ status: "active", ageSeconds: 2, itemName: `${tag} USP-S | Orion` });
  const third = await createTrade({ status: "active", ageSeconds: 1, itemName: `${tag} AK-47 | Redline` });
  await search(page, tag);
  await expect(page.getByTestId("trade-count")).toHaveText("3");
  const expectSortOrder = async (ids: string[]) => {
    for (const [place, id] of ids.entries()) await expect(tradeRow(page, id)).toHaveAttribute("aria-rowindex", String(place + 2));
    const tops = await Promise.all(ids.map(async (id) => (await tradeRow(page, id).boundingBox())?.y ?? Number.NaN));
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
  };
  await expectSortOrder([third.id, second.id, first.id]);
  const domBefore = await renderedIds(page);

  // The oldest moves to the top: it is shown and numbered first, but no row moved in the document
  // (moving rows made the browser rebuild them on every re-sort).
  await simRequest("POST", `/__sim/trades/${first.id}/status`, { status: "hold" });
  await expect(tradeRow(page, first.id)).toHaveAttribute("aria-rowindex", "2");
  await expectSortOrder([first.id, third.id, second.id]);
  expect(await renderedIds(page)).toEqual(domBefore);

  // The keyboard follows what is on screen, not the document order.
  await tradeRow(page, first.id).focus();
  await page.keyboard.press("ArrowDown");
  await expect(tradeRow(page, third.id)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(tradeRow(page, second.id)).toBeFocused();
  await page.keyboard.press("Home");
  await expect(tradeRow(page, first.id)).toBeFocused();
});

test("the crypto feeds show the simulator's deposits and withdrawals", async ({ page }) => {
  await openBoard(page);
  // The control API backdates a funding by 30 s for each step of its path, so this PENDING deposit
  // was created 30 s ago, and the later INITIATED one now: the newer of the two.
  const deposit = await simRequest<{ id: string }>("POST", "/__sim/funding", { kind: "deposit", status: "PENDING" });
  const withdrawal = await simRequest<{ id: string }>("POST", "/__sim/funding", { kind: "withdrawal", status: "COMPLETED" });
  const newerDeposit = await simRequest<{ id: string }>("POST", "/__sim/funding", { kind: "deposit", status: "INITIATED" });
  const deposits = page.getByRole("region", { name: "Crypto deposits" });
  const withdrawals = page.getByRole("region", { name: "Crypto withdrawals" });
  await expect(deposits.locator(`[data-funding-id="${deposit.id}"]`)).toHaveAttribute("data-status", "pending");
  await expect(deposits.locator(`[data-funding-id="${newerDeposit.id}"]`)).toHaveAttribute("data-status", "initiated");
  await expect(withdrawals.locator(`[data-funding-id="${withdrawal.id}"]`)).toHaveAttribute("data-status", "completed");
  await expect(withdrawals.locator(`[data-funding-id="${deposit.id}"]`)).toHaveCount(0);
  // Newest first, among this test's own deposits: the shared simulator's deposits of its own may be
  // newer than either, depending on when it made them.
  const own = [deposit.id, newerDeposit.id];
  const ownOrder = () =>
    deposits.locator("[data-funding-id]").evaluateAll((items, ids) => items.map((item) => item.getAttribute("data-funding-id") ?? "").filter((id) => ids.includes(id)), own);
  await expect.poll(ownOrder).toEqual([newerDeposit.id, deposit.id]);
  await expect(deposits.locator(`[data-funding-id="${deposit.id}"]`).getByRole("button", { name: /^Copy address/ })).toBeVisible();
});

test("an injected malformed event is counted and breaks nothing", async ({ page }) => {
  await openBoard(page);
  const diagnostics = page.getByRole("region", { name: "Diagnostics" });
  const malformed = diagnostics.getByTestId("malformed-count");
  await expect(malformed).toHaveText(/^\d+$/);
  const before = Number(await malformed.textContent());
  await simRequest("POST", "/__sim/inject", { kind: "malformed" });
  await expect(malformed).toHaveText(String(before + 1));
  await expect(diagnostics).toContainText("Events received");

  // Still live, still applying trades.
  await expect(connectionBanner(page)).toHaveAttribute("data-state", "live");
  const after = await createTrade({ status: "active" });
  await search(page, after.id);
  await expect(tradeRow(page, after.id)).toHaveAttribute("data-status", "active");
});

test("a trade's drawer shows its details and the status timeline as observed", async ({ page }, testInfo) => {
  await openBoard(page);
  const trade = await createTrade({ status: "active", itemName: "AWP | Dragon Lore (Factory New)" });
  await search(page, trade.id);
  await expect(tradeRow(page, trade.id)).toHaveAttribute("data-status", "active");
  await simRequest("POST", `/__sim/trades/${trade.id}/status`, { status: "hold" });
  await expect(tradeRow(page, trade.id)).toHaveAttribute("data-status", "hold");

  // Keyboard: focus the row, Enter opens the drawer.
  await tradeRow(page, trade.id).focus();
  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog", { name: /^Deposit · CS2 · \$/ });
  await expect(drawer).toBeVisible();
  const timeline = drawer.getByRole("list", { name: "Status timeline" });
  await expect(timeline.getByRole("listitem")).toHaveCount(2);
  await expect(timeline.getByRole("listitem").nth(0)).toContainText("Offer sent");
  await expect(timeline.getByRole("listitem").nth(1)).toContainText("On hold");
  await expect(drawer).toContainText("Hold ends");
  await expect(drawer).toContainText(trade.id);
  await expect(drawer).toContainText("AWP | Dragon Lore (Factory New)");
  await expect(drawer.getByRole("button", { name: /^Copy trade id/ })).toBeVisible();
  await attachScreenshot(page, testInfo, "drawer");

  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(tradeRow(page, trade.id)).toBeFocused();
  expect(new URL(page.url()).searchParams.get("trade")).toBeNull();
});

test("a trade's drawer adds the recorder's history: the step this page missed while offline is listed", async ({ page, context }, testInfo) => {
  await openBoard(page);
  const trade = await createTrade({ status: "initiated" });
  await search(page, trade.id);
  await expect(tradeRow(page, trade.id)).toHaveAttribute("data-status", "initiated");

  // The page goes offline while the trade moves on; the recorder, on its own socket, sees every step.
  await context.setOffline(true);
  await expect(connectionBanner(page)).toHaveAttribute("data-state", "offline");
  await simRequest("POST", `/__sim/trades/${trade.id}/status`, { status: "active" });
  await simRequest("POST", `/__sim/trades/${trade.id}/status`, { status: "hold" });
  await context.setOffline(false);
  // Back online, the resync brings the trade's current status only.
  await expect(tradeRow(page, trade.id)).toHaveAttribute("data-status", "hold", { timeout: 30_000 });

  await tradeRow(page, trade.id).focus();
  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog", { name: /^Deposit · CS2 · \$/ });
  const history = drawer.getByRole("region", { name: "Status history" });
  await expect(history.getByRole("status")).toHaveText(/^Includes the event recorder's history of this trade/);
  const steps = history.getByRole("list", { name: "Status timeline" }).getByRole("listitem");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText("Initiated");
  await expect(steps.nth(1)).toContainText("Offer sent");
  await expect(steps.nth(2)).toContainText("On hold");
  await attachScreenshot(page, testInfo, "drawer-recorded-history");
});

test("the connection banner says offline and recovers with a resync note", async ({ page, context }, testInfo) => {
  await openBoard(page);
  const banner = connectionBanner(page);
  await expect(banner).toContainText(/Live · (last event \d+ s ago|no events yet)/);
  await testInfo.attach("banner-live", { body: await banner.screenshot(), contentType: "image/png" });

  await context.setOffline(true);
  await expect(banner).toHaveAttribute("data-state", "offline");
  await expect(banner).toContainText("Offline");
  await testInfo.attach("banner-offline", { body: await banner.screenshot(), contentType: "image/png" });
  await attachScreenshot(page, testInfo, "board-offline");

  await context.setOffline(false);
  await expect(banner).toHaveAttribute("data-state", "live", { timeout: 30_000 });
  await expect(banner).toContainText(/Resynced \d+ trades?/);
  await testInfo.attach("banner-recovered", { body: await banner.screenshot(), contentType: "image/png" });
});

test("on a phone-sized window the panes stack and every column can be scrolled to", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openBoard(page);
  const board = page.getByRole("region", { name: "Trade board" });
  const deposits = page.getByRole("region", { name: "Crypto deposits" });
  await expect(page.getByRole("table", { name: "Trades" }).getByRole("row").nth(1)).toBeVisible();
  const boardBox = await board.boundingBox();
  const depositsBox = await deposits.boundingBox();
  expect(boardBox && depositsBox).toBeTruthy();
  if (!boardBox || !depositsBox) return;
  // Stacked: the feeds start below the board instead of covering it, and both fit the window's width.
  expect(depositsBox.y).toBeGreaterThanOrEqual(boardBox.y + boardBox.height);
  expect(boardBox.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The table scrolls sideways to its last column rather than clipping it.
  const flag = page.getByRole("columnheader", { name: "Flag" });
  await flag.scrollIntoViewIfNeeded();
  await expect(flag).toBeInViewport();
  await attachScreenshot(page, testInfo, "board-phone");
});
