// The Playwright `test` every spec imports: points baseURL at the dashboard the global setup started
// and offers `signIn`, done the way a person does it (labelled fields, the Sign in button).
import { test as base, expect, type Page } from "@playwright/test";
import { e2eEnv } from "./env";

export async function signIn(page: Page, email = e2eEnv("E2E_STAFF_EMAIL"), password = e2eEnv("E2E_STAFF_PASSWORD")) {
  await signInAt(page, "", email, password);
}

/** The same on a dashboard a spec started itself (`appUrl`; "" for the shared one at baseURL). */
export async function signInAt(page: Page, appUrl: string, email = e2eEnv("E2E_STAFF_EMAIL"), password = e2eEnv("E2E_STAFF_PASSWORD")) {
  await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  // Exactly "Sign in": with single sign-on configured there is also "Sign in with …".
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(e2eEnv("E2E_APP_URL"));
  },
});

export { expect };
