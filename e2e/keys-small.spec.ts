// Keys and small screens, used the way an on-call person does: `/` to search, `?` for the list of
// shortcuts, j and Enter to open a trade and the browser's Back to close it, signing in again
// straight back into a filtered view, and the board on a phone and as a wallboard on a TV (each
// screenshot saved for review and checked for sideways overflow). Runs on the shared app.
import type { Page } from "@playwright/test";
import { connectionBanner, expectLive } from "./support/board";
import { e2eEnv } from "./support/env";
import { expect, signIn, test } from "./support/fixtures";
import { type SimTrade, simRequest } from "./support/sim-control";

async function openBoard(page: Page, query = ""): Promise<void> {
  await signIn(page);
  await page.goto(`/board${query}`);
  await expectLive(page);
}

/** Whether the page is wider than the window (something would sit off-screen to the right). */
function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

test.describe("keyboard", () => {
  test("/ focuses Search trades, and keys typed there stay text", async ({ page }) => {
    await openBoard(page);
    const search = page.getByLabel("Search trades");
    await page.locator("body").press("/");
    await expect(search).toBeFocused();
    await expect(search).toHaveValue("");
    await page.keyboard.type("jk?");
    await expect(search).toHaveValue("jk?");
    await expect(search).toBeFocused();
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });

  test("? lists the keyboard shortcuts in a dialog that Esc closes", async ({ page }) => {
    await openBoard(page);
    await page.locator("body").press("?");
    const list = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(list).toBeVisible();
    await expect(list.getByRole("heading", { name: "Keyboard shortcuts" })).toBeVisible();
    await expect(list).toContainText("Search trades");
    await expect(list).toContainText("g s");
    await page.keyboard.press("Escape");
    await expect(list).toBeHidden();
  });

  test("j and Enter open a trade; Back closes the drawer and stays on the board", async ({ page }) => {
    await openBoard(page);
    await expect(page.locator('[role="row"][data-trade-id]').first()).toBeVisible();
    await page.locator("body").press("j");
    const focused = page.locator('[role="row"][data-trade-id]:focus');
    await expect(focused).toHaveCount(1);
    const id = await focused.getAttribute("data-trade-id");
    expect(id).toBeTruthy();
    await page.keyboard.press("Enter");
    const drawer = page.getByRole("dialog");
    await expect(drawer).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`[?&]trade=${id}`));

    await page.goBack();
    await expect(drawer).toBeHidden();
    await expect(page).toHaveURL(/\/board$/);
    await expect(connectionBanner(page)).toBeVisible();
    // Forward reopens it: the entry is a real one.
    await page.goForward();
    await expect(page.getByRole("dialog")).toBeVisible();
  });

  test("g s opens the Stalled view", async ({ page }) => {
    await openBoard(page);
    await page.locator("body").press("g");
    await page.locator("body").press("s");
    await expect(page.getByRole("button", { name: /^Stalled/ })).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/stalled=1/);
  });
});

test("signing in returns to the filtered view with its open trade", async ({ page }) => {
  await openBoard(page);
  const id = await page.locator('[role="row"][data-trade-id]').first().getAttribute("data-trade-id");
  expect(id).toBeTruthy();
  await page.context().clearCookies();
  await page.goto(`/board?game=rust&status=completed,failed&trade=${id}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email").fill(e2eEnv("E2E_STAFF_EMAIL"));
  await page.getByLabel("Password").fill(e2eEnv("E2E_STAFF_PASSWORD"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/board\?/);
  const back = new URL(page.url());
  expect(back.pathname).toBe("/board");
  expect(back.searchParams.get("game")).toBe("rust");
  expect(back.searchParams.get("status")).toBe("completed,failed");
  expect(back.searchParams.get("trade")).toBe(id);
  await expect(page.getByRole("group", { name: "Game" }).getByRole("button", { name: /^Rust/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("group", { name: "Status" }).getByRole("button", { name: /^Failed/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("dialog")).toBeVisible();
});

test("a session ended elsewhere sends the filtered view through sign-in and back", async ({ page }) => {
  await openBoard(page);
  // The cookie outlives its session: signed out (the store ends the session), then the old cookie put back.
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.context().addCookies(cookies);
  await page.goto("/board?game=rust&stalled=1");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/board?game=rust&stalled=1");
  await page.getByLabel("Email").fill(e2eEnv("E2E_STAFF_EMAIL"));
  await page.getByLabel("Password").fill(e2eEnv("E2E_STAFF_PASSWORD"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/board\?/);
  await expect(page.getByRole("button", { name: /^Stalled/ })).toHaveAttribute("aria-pressed", "true");
});

test.describe("phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the banner, counts, table and a trade fit a 390×844 phone", async ({ page }, testInfo) => {
    await openBoard(page);
    const banner = connectionBanner(page);
    // The banner's words are not cut to "Li…".
    const cut = await banner.evaluate((element) => [...element.querySelectorAll<HTMLElement>(".truncate")].some((part) => part.scrollWidth > part.clientWidth + 1));
    expect(cut).toBe(false);
    await expect(page.getByTestId("stalled-count")).toBeVisible();
    for (const name of [/^Total/, /^Flag/, /^Status/]) {
      const box = await page.getByRole("columnheader", { name }).boundingBox();
      expect(box, `${name} column header`).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    }
    expect(await overflowsSideways(page)).toBe(false);
    await page.screenshot({ path: testInfo.outputPath("phone.png") });

    await page.locator('[role="row"][data-trade-id]').first().click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(await overflowsSideways(page)).toBe(false);
    await page.screenshot({ path: testInfo.outputPath("phone-detail.png") });
  });
});

test.describe("wallboard", () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test("?mode=wall shows big counts and the stalled list with no chrome", async ({ page }, testInfo) => {
    // Two trades held still by the simulator far past the stall limit (20 min for an active trade), old
    // enough to head the list whatever other specs left stalled on the shared simulator.
    const older = await simRequest<SimTrade>("POST", "/__sim/trades", { stall: true, status: "active", ageSeconds: 6 * 86_400 });
    const newer = await simRequest<SimTrade>("POST", "/__sim/trades", { stall: true, status: "active", ageSeconds: 5 * 86_400 });
    await openBoard(page, "?mode=wall");
    const wall = page.getByRole("main", { name: "Wallboard" });
    await expect(wall).toBeVisible();
    const listed = wall.locator("li[data-trade-id]");
    await expect(listed.locator(`xpath=self::*[@data-trade-id="${older.id}"]`)).toHaveCount(1);
    const order = await listed.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-trade-id")));
    expect(order.indexOf(newer.id)).toBeGreaterThan(order.indexOf(older.id));
    await expect(wall.getByRole("heading", { name: "Stalled trades, longest first" })).toBeVisible();
    await expect(wall.getByTestId("wall-stalled-count")).toHaveText(/^\d[\d,]*$/);
    // No chrome: the header's links, the filters and the table are not on screen.
    await expect(page.getByRole("table", { name: "Trades" })).toHaveCount(0);
    const coversWindow = await wall.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.left <= 0 && box.top <= 0 && box.right >= window.innerWidth && box.bottom >= window.innerHeight && document.elementFromPoint(5, 5)?.closest("main") === element;
    });
    expect(coversWindow).toBe(true);
    // The covered page frame (header links, Sign out) cannot be reached with Tab either.
    for (let press = 0; press < 6; press += 1) {
      await page.keyboard.press("Tab");
      const focusOutside = await page.evaluate(() => {
        const focused = document.activeElement;
        return focused !== null && focused !== document.body && focused.closest("main[aria-label='Wallboard']") === null ? focused.outerHTML.slice(0, 120) : null;
      });
      expect(focusOutside).toBeNull();
    }
    // Big: the counts are at least 64 px tall text.
    const size = await wall.getByTestId("wall-stalled-count").evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(size).toBeGreaterThanOrEqual(64);
    expect(await overflowsSideways(page)).toBe(false);
    await page.screenshot({ path: testInfo.outputPath("wall.png") });
  });
});
