// Security hardening: HTTP security headers on every page and route, a CSP that lets the
// live board work and nothing else, a token route that refuses cross-origin callers and limits each
// session, sessions that end, and no secret in any server log. (The sign-in limiter has its own
// test in sign-in.spec.ts.)
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { APIResponse, BrowserContext } from "@playwright/test";
import { expectLive } from "./support/board";
import { e2eEnv } from "./support/env";
import { sharedSimulator, startExtraApp } from "./support/extra-apps";
import { expect, signIn, signInAt, test } from "./support/fixtures";
import { makeStaffCredentials, startAppProcess } from "./support/processes";

const LOG_DIR = path.resolve(__dirname, "..", "test-results", "servers");
/** Tokens minted during this file's tests: they must not show up in logs either. */
const mintedTokens: string[] = [];

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

function expectStaticHeaders(response: APIResponse, where: string): void {
  const headers = response.headers();
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], where).toBe("DENY");
}

/** Checks a page's headers and that every <script> in its HTML carries this response's nonce. */
async function expectPageHeaders(response: APIResponse, where: string): Promise<string> {
  expect(response.status(), where).toBe(200);
  expectStaticHeaders(response, where);
  const policy = response.headers()["content-security-policy"] ?? "";
  const csp = directives(policy);
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1] ?? "";
  expect(nonce.length, `${where}: nonce`).toBeGreaterThanOrEqual(16);
  expect(csp.get("script-src"), where).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  expect(csp.get("default-src"), where).toEqual(["'self'"]);
  const sim = new URL(e2eEnv("E2E_SIM_URL"));
  expect(csp.get("connect-src"), where).toEqual(["'self'", `http://${sim.host}`, `ws://${sim.host}`]);
  expect(csp.get("frame-ancestors"), where).toEqual(["'none'"]);
  expect(csp.get("object-src"), where).toEqual(["'none'"]);
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${where}: scripts`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, where).toContain(`nonce="${nonce}"`);
  return nonce;
}

async function postToken(context: BrowserContext, appUrl: string, headers: Record<string, string> = {}): Promise<APIResponse> {
  const response = await context.request.post(`${appUrl}/api/assetpay/token`, { headers: { origin: appUrl, ...headers } });
  if (response.status() === 200) mintedTokens.push(((await response.json()) as { token: string }).token);
  return response;
}

async function expectError(response: APIResponse, status: number, code: string): Promise<void> {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
}

test.describe("security headers", () => {
  test("every page has the CSP (fresh nonce each time), nosniff, referrer policy and no framing", async ({ page, baseURL }) => {
    const signInPage = await page.request.get("/sign-in");
    const first = await expectPageHeaders(signInPage, "/sign-in");
    expect(await expectPageHeaders(await page.request.get("/sign-in"), "/sign-in again")).not.toBe(first);
    await signIn(page);
    for (const where of ["/board", "/board?game=cs2", "/no-such-page"]) {
      const response = await page.request.get(where);
      if (where === "/no-such-page") {
        expect(response.status()).toBe(404);
        expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
        expectStaticHeaders(response, where);
      } else {
        await expectPageHeaders(response, where);
      }
    }
    // Redirects (signed out) carry the fixed headers too.
    const redirect = await page.request.get(`${baseURL ?? ""}/board`, { headers: { cookie: "" }, maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expectStaticHeaders(redirect, "redirect to sign-in");
  });

  test("route handlers and assets carry the fixed headers; JSON routes allow nothing to load or frame", async ({ page, request }) => {
    for (const [method, where] of [
      ["POST", "/api/assetpay/token"],
      ["GET", "/api/snapshot"],
      ["POST", "/api/assetpay/resync"],
      ["GET", "/api/auth/csrf"],
    ] as const) {
      const response = method === "GET" ? await request.get(where) : await request.post(where);
      expectStaticHeaders(response, where);
      expect(response.headers()["content-security-policy"], where).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    await page.goto("/sign-in");
    const asset = await page.evaluate(() => document.querySelector<HTMLScriptElement>("script[src*='/_next/static/']")?.src ?? "");
    expect(asset).toContain("/_next/static/");
    expectStaticHeaders(await request.get(asset), "a static chunk");
  });

  test("the live board runs under the CSP without a single violation", async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    const consoleCsp: string[] = [];
    page.on("console", (message) => {
      if (/content security policy/i.test(message.text())) consoleCsp.push(message.text());
    });
    await signIn(page);
    await expect(page).toHaveURL(/\/board/);
    await expectLive(page);
    await expect(page.locator("[data-trade-id]").first()).toBeVisible();
    await page.reload();
    await expectLive(page);
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    expect(consoleCsp).toEqual([]);
  });

  test("another site cannot frame the dashboard", async ({ page, baseURL }) => {
    const app = baseURL ?? "";
    // The other site is a server of its own on 127.0.0.1 (another port, so another origin). A public
    // origin would be refused a 127.0.0.1 frame by Chromium's local network checks before the
    // dashboard's headers had any say, and the test would pass whatever the headers.
    const evil = createServer((_req, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end(`<iframe id="f" src="${app}/sign-in" width="600" height="400"></iframe>`),
    );
    await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve));
    try {
      // Waits for the dashboard's answer inside the frame, not a fixed while: a frame that has shown
      // nothing yet proves nothing.
      const answered = page.waitForResponse(`${app}/sign-in`);
      await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
      expect((await answered).headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
      const framed = page.frames().filter((frame) => frame !== page.mainFrame());
      expect(framed.length).toBe(1);
      // Chromium refused to show it: the frame holds its error page, not the dashboard.
      await expect.poll(() => framed[0]?.url()).toMatch(/^chrome-error:/);
    } finally {
      evil.close();
    }
  });
});

test.describe("the token route", () => {
  test("refuses cross-origin requests, including a real cross-site page's", async ({ page, context, baseURL }) => {
    const app = baseURL ?? "";
    await signIn(page);
    await expectError(await postToken(context, app, { origin: "http://evil.test" }), 403, "cross_origin");
    await expectError(await postToken(context, app, { "sec-fetch-site": "cross-site" }), 403, "cross_origin");
    await expectError(await postToken(context, app, { origin: "null" }), 403, "cross_origin");
    // A real page of another origin (a server of its own on 127.0.0.1) posts with the staff member's cookies.
    const evil = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<h1>hi</h1>"));
    await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve));
    try {
      await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
      const answered = page.waitForResponse((r) => r.url() === `${app}/api/assetpay/token`);
      await page.evaluate((url) => {
        void fetch(`${url}/api/assetpay/token`, { method: "POST", mode: "no-cors", credentials: "include" }).catch(() => undefined);
      }, app);
      expect((await answered).status()).toBe(403);
    } finally {
      evil.close();
    }
  });

  test("is rate limited per staff member, not per cookie: 30 a minute, then 429 with Retry-After; other staff unaffected", async ({ browser }) => {
    test.setTimeout(180_000);
    // Its own app, so no other spec's tokens count against this minute, with two staff members.
    const busyStaff = makeStaffCredentials("busy@example.test");
    const otherStaff = makeStaffCredentials("other@example.test");
    const own = await startAppProcess("token-limit-app", {
      simulator: sharedSimulator(),
      staffAccounts: `${busyStaff.accounts},${otherStaff.accounts}`,
      localSigning: true,
    });
    const contexts = await Promise.all([1, 2, 3].map(() => browser.newContext({ baseURL: own.url })));
    const [first, second, other] = contexts as [BrowserContext, BrowserContext, BrowserContext];
    try {
      // The same person signed in twice (two cookies), and someone else.
      for (const context of [first, second]) await signInAt(await context.newPage(), own.url, busyStaff.email, busyStaff.password);
      await signInAt(await other.newPage(), own.url, otherStaff.email, otherStaff.password);
      for (const context of [first, second]) await context.pages()[0]?.goto("about:blank");
      // Whatever the boards asked for already counts; the rest of the 30 alternate between the two cookies.
      const statuses: number[] = [];
      for (let i = 0; i < 40 && statuses.at(-1) !== 429; i += 1) statuses.push((await postToken(i % 2 ? second : first, own.url)).status());
      const granted = statuses.filter((status) => status === 200).length;
      expect(granted).toBeGreaterThan(20);
      expect(granted).toBeLessThanOrEqual(30);
      expect(statuses.slice(0, granted)).toEqual(Array(granted).fill(200));
      // Both of this person's cookies are refused now, with a whole number of seconds to wait.
      for (const context of [first, second]) {
        const refused = await postToken(context, own.url);
        await expectError(refused, 429, "too_many_requests");
        expect(refused.headers()["retry-after"]).toMatch(/^[1-9]\d*$/);
      }
      expect((await postToken(other, own.url)).status()).toBe(200);
    } finally {
      for (const context of contexts) await context.close();
      await own.stop();
    }
  });
});

test.describe("sessions and logs (a dashboard with 60 s sessions and a known AUTH_SECRET)", () => {
  const authSecret = randomBytes(32).toString("base64url");
  let app: Awaited<ReturnType<typeof startExtraApp>>;
  let sessionCookie = "";
  let signedInAt = 0;

  test.beforeAll(async ({ browser }) => {
    app = await startExtraApp("app-security", { extraEnv: { AUTH_SECRET: authSecret, AUTH_SESSION_MAX_AGE_SECONDS: "60" } });
    // Signed in first, so the minute runs while the other tests do.
    const context = await browser.newContext({ baseURL: app.url });
    try {
      await signIn(await context.newPage());
      const cookie = (await context.cookies()).find((c) => c.name === "authjs.session-token");
      sessionCookie = cookie?.value ?? "";
      signedInAt = Date.now();
      expect(cookie?.expires ?? 0).toBeGreaterThan(signedInAt / 1000 + 50);
      expect(cookie?.expires ?? Number.POSITIVE_INFINITY).toBeLessThan(signedInAt / 1000 + 70);
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe("Lax");
      const grant = await postToken(context, app.url);
      expect(grant.status()).toBe(200);
    } finally {
      await context.close();
    }
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("the session ends after AUTH_SESSION_MAX_AGE_SECONDS, even if the old cookie is replayed", async ({ browser }) => {
    test.setTimeout(180_000);
    expect(sessionCookie.length).toBeGreaterThan(20);
    const replay = () =>
      fetch(`${app.url}/api/assetpay/token`, { method: "POST", headers: { cookie: `authjs.session-token=${sessionCookie}`, origin: app.url } });
    const before = await replay();
    expect(before.status).toBe(200);
    mintedTokens.push(((await before.json()) as { token: string }).token);
    // Auth.js allows 15 s of clock skew when it checks a session's expiry.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, signedInAt + 78_000 - Date.now())));
    expect((await replay()).status).toBe(401);
    const context = await browser.newContext({ baseURL: app.url });
    try {
      await context.addCookies([{ name: "authjs.session-token", value: sessionCookie, url: app.url }]);
      const page = await context.newPage();
      await page.goto("/board");
      await expect(page).toHaveURL(/\/sign-in/);
    } finally {
      await context.close();
    }
  });

  test("no secret, password, session cookie or client token in any server log", async ({ page }) => {
    // Give the servers a reason to log: a failed sign-in and a refused token request.
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel("Email").fill(e2eEnv("E2E_STAFF_EMAIL"));
    await page.getByLabel("Password").fill("not-the-password-8d1f");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("form", { name: "Staff sign-in" }).getByRole("alert")).toHaveText("Wrong email or password.");
    await app.stop();
    const secrets: Record<string, string> = {
      "the AssetPay API key": e2eEnv("E2E_SIM_API_KEY"),
      "the AssetPay API secret": e2eEnv("E2E_SIM_API_SECRET"),
      "AUTH_SECRET": authSecret,
      "a staff password": e2eEnv("E2E_STAFF_PASSWORD"),
      "a typed wrong password": "not-the-password-8d1f",
      "a session cookie": sessionCookie,
      ...Object.fromEntries(e2eEnv("E2E_STAFF_ACCOUNTS").split(",").map((entry, i) => [`staff hash ${i + 1}`, entry.slice(entry.indexOf(":") + 1)])),
      ...Object.fromEntries(mintedTokens.map((token, i) => [`client token ${i + 1}`, token])),
    };
    // The dashboard's own servers (apps, recorders). The simulator stands in for AssetPay and prints
    // its demo credentials on purpose; it is not ours to keep quiet.
    const logs = readdirSync(LOG_DIR).filter((name) => name.endsWith(".log") && !/sim/.test(name));
    expect(logs).toContain("app-security.log");
    const leaks: string[] = [];
    for (const name of logs) {
      const text = readFileSync(path.join(LOG_DIR, name), "latin1");
      for (const [what, value] of Object.entries(secrets)) if (value && text.includes(value)) leaks.push(`${what} in ${name}`);
    }
    expect(leaks).toEqual([]);
  });
});
