// POST /api/assetpay/token: only for a signed-in staff member, only from the dashboard's own pages,
// never cached, and the token it hands out is one the simulator (standing in for AssetPay) accepts —
// minted by AssetPay's API (shared dashboard) or signed locally with ASSETPAY_API_SECRET.
import { createHash } from "node:crypto";
import type { APIResponse, Page } from "@playwright/test";
import { e2eEnv } from "./support/env";
import { startExtraApp } from "./support/extra-apps";
import { expect, signIn, test } from "./support/fixtures";
import { simRequest } from "./support/sim-control";
import { socketAccepts, verifyHs256 } from "./support/tokens";

interface Grant {
  token: string;
  expiresAt: string;
  wsUrl: string;
}

async function expectGrant(response: APIResponse): Promise<Grant> {
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = (await response.json()) as Grant;
  expect(Object.keys(body).sort()).toEqual(["expiresAt", "token", "wsUrl"]);
  expect(body.wsUrl).toBe(e2eEnv("E2E_SIM_URL"));
  expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
  return body;
}

function postToken(page: Page, baseURL: string, headers: Record<string, string> = {}) {
  return page.request.post(`${baseURL}/api/assetpay/token`, { headers: { origin: baseURL, ...headers } });
}

async function expectRefusal(response: APIResponse, status: number, code: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

test.describe("with tokens minted by AssetPay's API", () => {
  test("401 JSON without a session", async ({ request }) => {
    await expectRefusal(await request.post("/api/assetpay/token"), 401, "unauthenticated");
  });

  test("a signed-in staff member gets a token the simulator accepts", async ({ page, baseURL }) => {
    await signIn(page);
    const grant = await expectGrant(await postToken(page, baseURL ?? ""));
    const { header, payload } = verifyHs256(grant.token, e2eEnv("E2E_SIM_API_SECRET"));
    expect(header.alg).toBe("HS256");
    expect(payload).toMatchObject({
      client: { steamID: "76561198000000001", clientId: e2eEnv("E2E_STAFF_EMAIL") },
      exp: Date.parse(grant.expiresAt) / 1000,
    });
    expect(await socketAccepts(grant.wsUrl, grant.token)).toBe(true);
    // The check means something: a token signed with another secret is dropped.
    expect(await socketAccepts(grant.wsUrl, `${grant.token.slice(0, -4)}AAAA`)).toBe(false);
  });

  test("the page's own fetch gets a token (real browser Origin and Sec-Fetch-Site)", async ({ page }) => {
    await signIn(page);
    const result = await page.evaluate(async () => {
      const response = await fetch("/api/assetpay/token", { method: "POST", headers: { accept: "application/json" } });
      return { status: response.status, body: (await response.json()) as { token?: string } };
    });
    expect(result.status).toBe(200);
    expect(typeof result.body.token).toBe("string");
  });

  test("cross-origin requests are refused", async ({ page, baseURL }) => {
    await signIn(page);
    await expectRefusal(await postToken(page, baseURL ?? "", { origin: "http://evil.example" }), 403, "cross_origin");
    await expectRefusal(await postToken(page, baseURL ?? "", { "sec-fetch-site": "cross-site" }), 403, "cross_origin");
  });
});

// Its own app: the dashboard honours AssetPay's Retry-After from one budget for all its AssetPay calls,
// so a refusal provoked on the shared app would hold back the next spec's sign-ins for up to a minute.
test.describe("an AssetPay rate limit, on an app of its own", () => {
  let app: Awaited<ReturnType<typeof startExtraApp>>;
  test.beforeAll(async () => {
    app = await startExtraApp("app-rate-limited");
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("an AssetPay rate limit becomes 429 with Retry-After", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: app.url });
    try {
      const page = await context.newPage();
      await signIn(page);
      // The route reuses this staff member's token for most of its life; naming it as refused makes the
      // next request mint, which is the AssetPay call refused below.
      const held = await expectGrant(await postToken(page, app.url));
      // Budget of one request per minute, spent at once: the token route's call is then refused.
      await simRequest("POST", "/__sim/rate-limit", { perMinute: 1 });
      try {
        await fetch(`${e2eEnv("E2E_SIM_URL")}/v1/wallets/me/balance`, { headers: { "api-key": e2eEnv("E2E_SIM_API_KEY") } });
        const response = await page.request.post(`${app.url}/api/assetpay/token`, {
          headers: { origin: app.url },
          data: { refused: createHash("sha256").update(held.token).digest("hex") },
        });
        await expectRefusal(response, 429, "rate_limited");
        expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
      } finally {
        await simRequest("POST", "/__sim/rate-limit", { perMinute: 3000 });
      }
    } finally {
      await context.close();
    }
  });
});

test.describe("with tokens signed locally (ASSETPAY_API_SECRET)", () => {
  let app: Awaited<ReturnType<typeof startExtraApp>>;
  test.beforeAll(async () => {
    app = await startExtraApp("app-local-signing", { localSigning: true });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("401 without a session, 403 cross-origin, and a token the simulator accepts", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: app.url });
    try {
      const page = await context.newPage();
      await expectRefusal(await page.request.post(`${app.url}/api/assetpay/token`), 401, "unauthenticated");
      await signIn(page);
      await expectRefusal(await postToken(page, app.url, { origin: "http://evil.example" }), 403, "cross_origin");
      const grant = await expectGrant(await postToken(page, app.url));
      const { header, payload } = verifyHs256(grant.token, e2eEnv("E2E_SIM_API_SECRET"));
      // The merchant id came from an API-issued token (no ASSETPAY_MERCHANT_ID here); the simulator
      // refuses tokens for another merchant, so acceptance below also proves it right.
      expect(header).toEqual({ alg: "HS256", userId: payload.merchantId });
      expect(Number(payload.exp) - Number(payload.iat)).toBe(900);
      expect(grant.expiresAt).toBe(new Date(Number(payload.exp) * 1000).toISOString());
      expect(await socketAccepts(grant.wsUrl, grant.token)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
