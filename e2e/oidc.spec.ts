// Single sign-on against a real OpenID Connect provider (oidc-provider, started here on 127.0.0.1): the
// "Sign in with …" button, the role from the provider's claim, and the allowed email domains. One
// provider and one dashboard configured for it serve every test of the file.
import { expect, type Page, test } from "@playwright/test";
import { e2eEnv } from "./support/env";
import { startExtraApp } from "./support/extra-apps";
import { type RunningOidcProvider, signInAtProvider, startOidcProvider } from "./support/oidc-provider";
import type { RunningProcess } from "./support/processes";

const ROLE_CLAIM = "assetpay_role";
const BUTTON = "Sign in with Test IdP";
const ADMIN = "ada@example.test";
const VIEWER = "val@example.test";
const OUTSIDER = "eve@elsewhere.test";

let provider: RunningOidcProvider;
let app: RunningProcess;

test.beforeAll(async () => {
  provider = await startOidcProvider({
    roleClaim: ROLE_CLAIM,
    accounts: {
      [ADMIN]: { email: ADMIN, email_verified: true, name: "Ada", [ROLE_CLAIM]: "admin" },
      [VIEWER]: { email: VIEWER, email_verified: true, name: "Val" },
      [OUTSIDER]: { email: OUTSIDER, email_verified: true, name: "Eve", [ROLE_CLAIM]: "admin" },
    },
  });
  app = await startExtraApp("app-oidc", {
    extraEnv: {
      AUTH_OIDC_ISSUER: provider.issuer,
      AUTH_OIDC_CLIENT_ID: provider.clientId,
      AUTH_OIDC_CLIENT_SECRET: provider.clientSecret,
      AUTH_OIDC_NAME: "Test IdP",
      AUTH_OIDC_ROLE_CLAIM: ROLE_CLAIM,
      AUTH_OIDC_ALLOWED_DOMAINS: "example.test",
    },
  });
  await provider.acceptApp(app.url);
});

test.afterAll(async () => {
  await app?.stop();
  await provider?.stop();
});

async function signInWithSso(page: Page, login: string): Promise<void> {
  await page.goto(`${app.url}/sign-in`);
  await page.getByRole("button", { name: BUTTON }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/`));
  await signInAtProvider(page, login);
}

function acknowledgeAll(page: Page) {
  return page.request.post(`${app.url}/api/alerts/acknowledge-all`, { headers: { origin: app.url }, data: {} });
}

test("the sign-in page offers single sign-on only where it is configured", async ({ page }) => {
  await page.goto(`${app.url}/sign-in`);
  await expect(page.getByRole("button", { name: BUTTON })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await page.goto(`${e2eEnv("E2E_APP_URL")}/sign-in`);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Sign in with/ })).toHaveCount(0);
});

test("an account whose role claim says admin signs in with the button and may act", async ({ page }) => {
  await signInWithSso(page, ADMIN);
  await expect(page).toHaveURL(`${app.url}/board`);
  await expect(page.getByText(ADMIN)).toBeVisible();
  // Past the role check: this dashboard has no recorder, so the action itself answers 503.
  const response = await acknowledgeAll(page);
  expect(response.status()).not.toBe(403);
  expect(((await response.json()) as { error?: { code?: string } }).error?.code).not.toBe("forbidden");
  expect((await page.request.get(`${app.url}/api/snapshot`)).status()).not.toBe(401);
});

test("an account without the role claim is a viewer: 403 on acknowledge", async ({ page }) => {
  await signInWithSso(page, VIEWER);
  await expect(page).toHaveURL(`${app.url}/board`);
  await expect(page.getByText(VIEWER)).toBeVisible();
  const response = await acknowledgeAll(page);
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
});

test("an email outside the allowed domains is refused with a clear message", async ({ page }) => {
  await signInWithSso(page, OUTSIDER);
  await expect(page).toHaveURL(/\/sign-in\?/);
  // The sign-in form's own alert (Next's route announcer is an alert too).
  await expect(page.getByRole("form", { name: "Staff sign-in" }).getByRole("alert")).toHaveText(
    /Single sign-on refused: your email address is not in a domain allowed/,
  );
  expect((await page.request.get(`${app.url}/api/snapshot`)).status()).toBe(401);
});
