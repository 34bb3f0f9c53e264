// The sign-in findings of the attack run, each written as the attack: an open redirect through the
// callback path, password guessing that picks its own limiter key or spreads over addresses, and HSTS.
// Apps of their own where the attack locks something (an address, an account) or needs TRUST_PROXY.
import type { Page } from "@playwright/test";
import { e2eEnv } from "./support/env";
import { expect, signIn, test } from "./support/fixtures";

async function fillSignIn(page: Page, email = e2eEnv("E2E_STAFF_EMAIL"), password = e2eEnv("E2E_STAFF_PASSWORD")): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("open redirect", () => {
  const offSite = ["/.//evil.example", "/a/..//evil.example", "/%2e//evil.example", "/./\\evil.example", "/\t/evil.example"];

  test("a signed-in visit to /sign-in never redirects to another host, whatever the callback path", async ({ page, baseURL }) => {
    await signIn(page);
    const own = new URL(baseURL ?? "");
    for (const callback of offSite) {
      const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(callback)}`, { maxRedirects: 0 });
      expect(response.status(), callback).toBe(307);
      const location = response.headers().location ?? "";
      // `//evil.example` is a complete URL for a browser: resolve it as one would.
      const target = new URL(location, own);
      expect(target.host, `${callback} → ${location}`).toBe(own.host);
      expect(target.pathname, callback).toBe("/board");
    }
  });

  test("signing in from a link with a dot-segment callback lands on the board", async ({ page, baseURL }) => {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/.//evil.example")}`);
    await fillSignIn(page);
    await expect(page).toHaveURL(`${baseURL}/board`);
  });
});
