// The sign-in findings of the attack run, each written as the attack: an open redirect through the
// callback path, password guessing that picks its own limiter key or spreads over addresses, and HSTS.
// Apps of their own where the attack locks something (an address, an account) or needs TRUST_PROXY.
import type { APIRequestContext, Page } from "@playwright/test";
import { e2eEnv } from "./support/env";
import { postgresAvailability, startThrowawayPostgres, type PostgresCluster } from "../lib/db/testing/postgres-cluster";
import { sharedSimulator, startExtraApp } from "./support/extra-apps";
import { expect, signIn, test } from "./support/fixtures";
import type { RunningProcess } from "./support/processes";
import { type RunningRecorderProcess, recorderEnv, startRecorderProcess } from "./support/recorder";

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

/** One password attempt through next-auth's credentials callback, as a script would make it: the outcome. */
async function attempt(api: APIRequestContext, appUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const { csrfToken } = (await (await api.get(`${appUrl}/api/auth/csrf`, { headers })).json()) as { csrfToken: string };
  const response = await api.post(`${appUrl}/api/auth/callback/credentials`, {
    headers,
    form: { csrfToken, email, password, callbackUrl: "/board" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const location = new URL(response.headers().location ?? "", appUrl);
  return location.pathname === "/board" ? "signed-in" : (location.searchParams.get("code") ?? "refused");
}

test.describe("password guessing, app reached directly (no TRUST_PROXY)", () => {
  // Its own dashboard: the attack locks this machine's address, which must not disturb the shared one.
  let app: RunningProcess;
  test.beforeAll(async () => {
    app = await startExtraApp("app-attack-direct");
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("a fresh X-Forwarded-For per attempt does not buy fresh tries", async ({ playwright }) => {
    const api = await playwright.request.newContext();
    for (let i = 1; i <= 12; i++) {
      const outcome = await attempt(api, app.url, `guess-${i}@example.test`, "wrong", { "x-forwarded-for": `198.51.100.${i}` });
      expect(outcome, `attempt ${i}`).toBe(i <= 5 ? "credentials" : "too_many_attempts");
    }
    const right = await attempt(api, app.url, e2eEnv("E2E_STAFF_EMAIL"), e2eEnv("E2E_STAFF_PASSWORD"), { "x-forwarded-for": "198.51.100.99" });
    expect(right).toBe("too_many_attempts");
    await api.dispose();
  });

  test("HSTS is never sent on plain http, even when the client claims https", async ({ request }) => {
    for (const headers of [{}, { "x-forwarded-proto": "https" }] as Record<string, string>[]) {
      const response = await request.get(`${app.url}/sign-in`, { headers });
      expect(response.headers()["strict-transport-security"]).toBeUndefined();
    }
  });
});

test.describe("password guessing behind a trusted proxy (TRUST_PROXY=true)", () => {
  let app: RunningProcess;
  test.beforeAll(async () => {
    app = await startExtraApp("app-attack-proxy", { extraEnv: { TRUST_PROXY: "true" } });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("guesses at one account spread over many addresses are stopped by the per-account backoff", async ({ playwright }) => {
    const api = await playwright.request.newContext();
    const email = e2eEnv("E2E_STAFF_EMAIL");
    for (let i = 1; i <= 10; i++) {
      // Each address stays under its own limit of 5: only the account's count can stop this.
      expect(await attempt(api, app.url, email, `wrong-${i}`, { "x-forwarded-for": `203.0.113.${i}` }), `attempt ${i}`).toBe("credentials");
    }
    const fromElsewhere = { "x-forwarded-for": "203.0.113.200" };
    expect(await attempt(api, app.url, email, e2eEnv("E2E_STAFF_PASSWORD"), fromElsewhere)).toBe("too_many_attempts");
    // The proxy's addresses are believed: another account from a fresh address is not locked.
    expect(await attempt(api, app.url, "someone-else@example.test", "wrong", { "x-forwarded-for": "203.0.113.201" })).toBe("credentials");
    await api.dispose();
  });

  test("pages and API answers carry HSTS when the proxy says the request came over https", async ({ request }) => {
    for (const path of ["/sign-in", "/api/auth/csrf"]) {
      const secure = await request.get(`${app.url}${path}`, { headers: { "x-forwarded-proto": "https" } });
      expect(secure.headers()["strict-transport-security"], path).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      const plain = await request.get(`${app.url}${path}`, { headers: { "x-forwarded-proto": "http" } });
      expect(plain.headers()["strict-transport-security"], path).toBeUndefined();
    }
  });
});

test.describe("password guessing spread over two instances on one PostgreSQL", () => {
  const availability = postgresAvailability();
  let cluster: PostgresCluster | null = null;
  let recorder: RunningRecorderProcess | null = null;
  const apps: RunningProcess[] = [];

  test.beforeAll(async () => {
    if (!availability.ok && process.env.CI) throw new Error(`PostgreSQL is required in CI: ${availability.reason}`);
  });
  test.afterAll(async () => {
    for (const app of apps.splice(0)) await app.stop();
    await recorder?.stop();
    await cluster?.stop();
  });

  test("failures on either instance count against the same address", async ({ playwright }) => {
    test.skip(!availability.ok, availability.ok ? "" : `SKIPPED: PostgreSQL unavailable — ${availability.reason}`);
    test.setTimeout(300_000);
    cluster = await startThrowawayPostgres();
    const storage = { databaseUrl: await cluster.createDatabase("e2e_sign_in_limits") };
    // The recorder claims the database for this merchant; the apps read it only after that.
    recorder = await startRecorderProcess("recorder-limits", { simulator: sharedSimulator(), storage });
    apps.push(await startExtraApp("app-limits-a", { extraEnv: recorderEnv(storage) }));
    apps.push(await startExtraApp("app-limits-b", { extraEnv: recorderEnv(storage) }));
    const [a, b] = apps as [RunningProcess, RunningProcess];
    const api = await playwright.request.newContext();
    // 3 wrong passwords on A and 2 on B: 5 from this address, the limit, though neither saw 5 itself.
    for (const [index, app] of [a, a, a, b, b].entries()) {
      expect(await attempt(api, app.url, `guess-${index}@example.test`, "wrong"), `attempt ${index + 1}`).toBe("credentials");
    }
    expect(await attempt(api, a.url, e2eEnv("E2E_STAFF_EMAIL"), e2eEnv("E2E_STAFF_PASSWORD"))).toBe("too_many_attempts");
    await api.dispose();
  });
});
