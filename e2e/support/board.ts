// How a spec reads the board the way a person does: the Connection banner, the Trades table and its
// rows' data attributes, the search box.
import { expect, type Locator, type Page } from "@playwright/test";
import { signInAt } from "./fixtures";

export function connectionBanner(page: Page): Locator {
  return page.getByRole("status", { name: "Connection" });
}

export async function expectLive(page: Page, timeout = 20_000): Promise<void> {
  await expect(connectionBanner(page)).toHaveAttribute("data-state", "live", { timeout });
}

/** Signs in on the dashboard at `appUrl`, lands on the board and waits for the feed to be live. */
export async function openLiveBoard(page: Page, appUrl: string): Promise<void> {
  await signInAt(page, appUrl);
  await expect(page).toHaveURL(/\/board/);
  await expectLive(page);
}

/** Starts keeping every distinct `data-state` the banner shows, in order (read with `bannerStates`). */
export async function recordBannerStates(page: Page): Promise<void> {
  await connectionBanner(page).evaluate((banner) => {
    const record = window as unknown as { __bannerStates: string[] };
    record.__bannerStates = [banner.getAttribute("data-state") ?? ""];
    new MutationObserver(() => {
      const state = banner.getAttribute("data-state") ?? "";
      if (record.__bannerStates.at(-1) !== state) record.__bannerStates.push(state);
    }).observe(banner, { attributes: true, attributeFilter: ["data-state"] });
  });
}

export function bannerStates(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __bannerStates?: string[] }).__bannerStates ?? []);
}

export function tradeRow(page: Page, id: string): Locator {
  return page.getByRole("table", { name: "Trades" }).or(page.getByRole("grid", { name: "Trades" })).locator(`[data-trade-id="${id}"]`);
}

export async function tradeCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("trade-count").textContent()) ?? "";
  return Number(text.trim());
}

/** Every rendered row's id and status (the board must be short enough for all rows to render). */
export async function renderedRows(page: Page): Promise<{ id: string; status: string }[]> {
  return page.locator("[data-trade-id]").evaluateAll((rows) =>
    rows.map((row) => ({ id: row.getAttribute("data-trade-id") ?? "", status: row.getAttribute("data-status") ?? "" })),
  );
}
