// Readable for a whole shift, in both themes: axe-core finds no contrast or naming violations on the
// sign-in page, the board, a trade's drawer and the Alerts region; no text is smaller than 12 px; with
// no choice made the page follows the system's colour scheme, and the Theme control's choice wins and
// survives a reload. Runs on the shared dashboard; one stalled trade makes sure the Alerts region has
// an alert to check.
import axe from "axe-core";
import type { Browser, Locator, Page, TestInfo } from "@playwright/test";
import { expectLive } from "./support/board";
import { expect, signIn, test } from "./support/fixtures";
import { simRequest } from "./support/sim-control";

type Scheme = "light" | "dark";

/** axe rules about contrast and accessible names (every `*-name` rule, labels, alternative text). */
function isContrastOrNameRule(id: string): boolean {
  return id === "color-contrast" || id.endsWith("-name") || id === "label" || id.endsWith("-alt");
}

/** The contrast and naming violations axe finds inside `scope` (or the whole page), as readable lines. */
async function contrastAndNameViolations(page: Page, scope?: Locator): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  await page.evaluate(() => document.querySelectorAll("[data-axe-scope]").forEach((e) => e.removeAttribute("data-axe-scope")));
  await scope?.evaluate((element) => element.setAttribute("data-axe-scope", ""));
  const violations = await page.evaluate(async (selector) => {
    const { axe: runner } = window as unknown as { axe: typeof axe };
    const result = await runner.run(selector ? { include: [selector] } : document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ") ?? ""}`),
    }));
  }, scope ? "[data-axe-scope]" : null);
  return violations.filter((v) => isContrastOrNameRule(v.id)).flatMap((v) => v.nodes.map((node) => `${v.id} — ${node}`));
}

/** Text drawn smaller than 12 px inside `root` (visible elements with their own text only). */
function textUnder12px(root: Locator): Promise<string[]> {
  return root.evaluate((element) => {
    const small: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim()) continue;
      const style = getComputedStyle(parent);
      const box = parent.getBoundingClientRect();
      if (style.visibility === "hidden" || box.width === 0 || box.height === 0) continue;
      if (parseFloat(style.fontSize) < 12) small.push(`${style.fontSize} "${node.textContent.trim().slice(0, 40)}"`);
    }
    return small;
  });
}

/** Whether the page's background is light (relative luminance of the body's background colour). */
function backgroundIsLight(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no canvas");
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor; // oklch(): let the canvas convert it
    ctx.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = ctx.getImageData(0, 0, 1, 1).data;
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 > 0.5;
  });
}

async function newPage(browser: Browser, colorScheme: Scheme): Promise<Page> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

const themeControl = (page: Page) => page.getByRole("combobox", { name: "Theme" });

test.beforeAll(async () => {
  // An alert for the Alerts region: an active trade past the stall limit that the simulator keeps there.
  await simRequest("POST", "/__sim/trades", { status: "active", ageSeconds: 1800, stall: true });
});

for (const scheme of ["light", "dark"] as const) {
  test(`${scheme} system preference: the page follows it, and sign-in, board, drawer and alerts pass axe's contrast and name rules with no text under 12 px`, async ({ browser }, testInfo) => {
    const page = await newPage(browser, scheme);

    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    expect(await backgroundIsLight(page)).toBe(scheme === "light");
    expect(await contrastAndNameViolations(page)).toEqual([]);
    expect(await textUnder12px(page.locator("body"))).toEqual([]);

    await signIn(page);
    await page.goto("/board");
    await expectLive(page);
    await expect(themeControl(page)).toHaveValue("system");
    expect(await backgroundIsLight(page)).toBe(scheme === "light");
    const table = page.getByRole("table", { name: "Trades" }).or(page.getByRole("grid", { name: "Trades" }));
    await expect(table.locator("[data-trade-id]").first()).toBeVisible();
    expect(await contrastAndNameViolations(page)).toEqual([]);
    expect(await textUnder12px(page.locator("body"))).toEqual([]);
    await screenshot(page, testInfo, `board-${scheme}`);

    await table.locator("[data-trade-id]").first().click();
    const drawer = page.getByRole("dialog");
    await expect(drawer).toBeVisible();
    expect(await contrastAndNameViolations(page, drawer)).toEqual([]);
    expect(await textUnder12px(drawer)).toEqual([]);
    await screenshot(page, testInfo, `drawer-${scheme}`);
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();

    await page.getByRole("button", { name: "Alerts" }).click();
    const alerts = page.getByRole("region", { name: "Alerts" });
    await expect(alerts.getByRole("listitem").first()).toBeVisible({ timeout: 20_000 });
    expect(await contrastAndNameViolations(page, alerts)).toEqual([]);
    expect(await textUnder12px(alerts)).toEqual([]);
    await screenshot(page, testInfo, `alerts-${scheme}`);
    await page.context().close();
  });
}

test("the Theme control overrides the system's scheme and is remembered across reloads", async ({ browser }) => {
  const page = await newPage(browser, "dark");
  await signIn(page);
  await page.goto("/board");
  const control = themeControl(page);
  await expect(control).toHaveValue("system");
  expect(await backgroundIsLight(page)).toBe(false);

  await control.selectOption("light");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await backgroundIsLight(page)).toBe(true);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect(themeControl(page)).toHaveValue("light");
  expect(await backgroundIsLight(page)).toBe(true);

  await themeControl(page).selectOption("dark");
  await page.emulateMedia({ colorScheme: "light" });
  expect(await backgroundIsLight(page)).toBe(false);

  await themeControl(page).selectOption("system");
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /.+/);
  expect(await backgroundIsLight(page)).toBe(true);
  await page.reload();
  await expect(themeControl(page)).toHaveValue("system");
  expect(await backgroundIsLight(page)).toBe(true);
  await page.context().close();
});

test("the tab shows the app's own icon: /favicon.ico and an SVG icon are served", async ({ page }) => {
  const ico = await page.request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/^image\//);
  await page.goto("/sign-in");
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  const svg = await page.request.get(href ?? "/missing-icon");
  expect(svg.status()).toBe(200);
  expect(await svg.text()).toContain("<svg");
});
