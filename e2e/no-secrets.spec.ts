// Nothing server-side reaches the browser: every byte the browser receives while a staff member signs
// in, uses the board and asks for a token, plus every file the build serves from .next/static, is
// searched for the merchant API key, the API secret and the staff password hashes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { expectLive } from "./support/board";
import { e2eEnv } from "./support/env";
import { startExtraApp } from "./support/extra-apps";
import { expect, signIn, test } from "./support/fixtures";

const ROOT = path.resolve(__dirname, "..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

function secrets(): Record<string, string> {
  const hashes = e2eEnv("E2E_STAFF_ACCOUNTS")
    .split(",")
    .map((entry) => entry.slice(entry.indexOf(":") + 1));
  return {
    "the API key": e2eEnv("E2E_SIM_API_KEY"),
    "the API secret": e2eEnv("E2E_SIM_API_SECRET"),
    ...Object.fromEntries(hashes.map((hash, index) => [`staff password hash ${index + 1}`, hash])),
  };
}

function leaks(where: string, body: Buffer): string[] {
  const text = body.toString("latin1");
  return Object.entries(secrets())
    .filter(([, value]) => text.includes(value))
    .map(([name]) => `${name} in ${where}`);
}

/** Signs in at `appUrl`, uses the board and the token route, and returns every response body received. */
async function browse(browser: Browser, appUrl: string): Promise<{ url: string; body: Buffer }[]> {
  const context = await browser.newContext({ baseURL: appUrl });
  const received: Promise<{ url: string; body: Buffer } | null>[] = [];
  context.on("response", (response) => {
    // The alerts stream never ends, so its body never arrives; the same alerts are read below as JSON.
    if (response.headers()["content-type"]?.startsWith("text/event-stream")) return;
    received.push(
      response.body().then(
        (body) => ({ url: response.url(), body }),
        () => null, // redirects have no body
      ),
    );
  });
  try {
    const page = await context.newPage();
    await page.goto("/");
    await signIn(page);
    await expect(page).toHaveURL(/\/board/);
    await page.waitForLoadState("load");
    const status = await page.evaluate(async () => (await fetch("/api/assetpay/token", { method: "POST" })).status);
    expect(status).toBe(200);
    await page.reload();
    await page.waitForLoadState("load");
    // Live: the board has fetched its snapshot and its own token (a fixed wait caught less on a slow machine).
    await expectLive(page);
    // The same alerts as JSON (200, or 503 on an app whose recorder is not running): its body is searched too.
    expect([200, 503]).toContain(await page.evaluate(async () => (await fetch("/api/alerts?state=all")).status));
    await page.goto("/sign-in");
    const bodies = (await Promise.all(received)).filter((item): item is { url: string; body: Buffer } => item !== null);
    expect(bodies.some(({ url }) => url.includes("/_next/static/"))).toBe(true);
    return bodies;
  } finally {
    await context.close();
  }
}

test("no secret in anything the build serves from .next/static", () => {
  const files = filesUnder(path.join(ROOT, ".next", "static"));
  expect(files.length).toBeGreaterThan(0);
  expect(files.flatMap((file) => leaks(path.relative(ROOT, file), readFileSync(file)))).toEqual([]);
});

test("no secret in any response of the shared dashboard (token minted by the API)", async ({ browser, baseURL }) => {
  const bodies = await browse(browser, baseURL ?? "");
  expect(bodies.flatMap(({ url, body }) => leaks(url, body))).toEqual([]);
});

test.describe("with ASSETPAY_API_SECRET configured", () => {
  let app: Awaited<ReturnType<typeof startExtraApp>>;
  test.beforeAll(async () => {
    app = await startExtraApp("app-no-secrets", { localSigning: true });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("no secret in any response (token signed locally)", async ({ browser }) => {
    const bodies = await browse(browser, app.url);
    expect(bodies.flatMap(({ url, body }) => leaks(url, body))).toEqual([]);
  });
});
