// Staff sign-in as a person does it: the labelled form, refusals in an alert, the board behind the
// session, and Sign out.
import type { Page } from "@playwright/test";
import { e2eEnv } from "./support/env";
import { startExtraApp } from "./support/extra-apps";
import { expect, signIn, test } from "./support/fixtures";

/** The form's own alert (Next's route announcer is an alert too). */
const formAlert = (page: Page) => page.getByRole("form", { name: "Staff sign-in" }).getByRole("alert");

test("a staff member signs in and reaches the board", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "AssetPay Ops" })).toBeVisible();
  await signIn(page);
  await expect(page).toHaveURL(/\/board$/);
  const header = page.getByRole("banner");
  await expect(header).toContainText("AssetPay Ops");
  await expect(header).toContainText(e2eEnv("E2E_STAFF_EMAIL"));
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("a wrong password is refused with a visible alert", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(e2eEnv("E2E_STAFF_EMAIL"));
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/sign-in/);
  // The email typed so far stays; the password does not.
  await expect(page.getByLabel("Email")).toHaveValue(e2eEnv("E2E_STAFF_EMAIL"));
  await expect(page.getByLabel("Password")).toHaveValue("");
  // The right password still works afterwards (and clears the failure count).
  await signIn(page);
  await expect(page).toHaveURL(/\/board$/);
});

test("an unknown email is refused the same way", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("intruder@example.test");
  await page.getByLabel("Password").fill(e2eEnv("E2E_STAFF_PASSWORD"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText("Wrong email or password.");
  await signIn(page); // reset this address's failure count for the specs after this one
});

test("a signed-out visit to /board lands on sign-in and returns to the board afterwards", async ({ page }) => {
  await page.goto("/board");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fboard$/);
  await page.getByLabel("Email").fill(e2eEnv("E2E_STAFF_EMAIL"));
  await page.getByLabel("Password").fill(e2eEnv("E2E_STAFF_PASSWORD"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/board$/);
});

test("the board checks the session itself, not only the proxy", async ({ page, context, baseURL }) => {
  // A cookie with the right name gets past proxy.ts, but it is not a valid session.
  await context.addCookies([{ name: "authjs.session-token", value: "forged", url: baseURL ?? "" }]);
  await page.goto("/board");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("an off-site callbackUrl is ignored", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await signIn(page);
  await expect(page).toHaveURL(/\/board$/);
});

test("sign out ends the session", async ({ page }) => {
  await signIn(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/board");
  await expect(page).toHaveURL(/\/sign-in/);
  const token = await page.request.post("/api/assetpay/token");
  expect(token.status()).toBe(401);
});

test.describe("repeated failures", () => {
  // A dashboard of its own: its limiter locks this address, which must not disturb the shared one.
  let app: Awaited<ReturnType<typeof startExtraApp>>;
  test.beforeAll(async () => {
    app = await startExtraApp("app-sign-in-limiter");
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("are refused with a clear message, even with the right password", async ({ page }) => {
    await page.goto(`${app.url}/sign-in`);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel("Email").fill(e2eEnv("E2E_STAFF_EMAIL"));
      await page.getByLabel("Password").fill(`wrong-${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(formAlert(page)).toHaveText("Wrong email or password.");
      await expect(page.getByLabel("Password")).toHaveValue("");
    }
    await page.getByLabel("Password").fill(e2eEnv("E2E_STAFF_PASSWORD"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toHaveText(/^Too many attempts, try again in \d+ s$/);
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
