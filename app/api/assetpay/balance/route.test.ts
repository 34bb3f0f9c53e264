// GET /api/assetpay/balance as a browser meets it. The real handler, session guard, configuration and
// AssetPay client run; only what a unit test has no real thing for is faked: the request's headers
// (next/headers), next-auth's reading of the session cookie, and AssetPay itself (fetch).
import bcrypt from "bcryptjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie-name";
import { fakeStaffRequest, signInAs, signOut } from "@/lib/auth/testing/fake-staff-request";

vi.mock("next/headers", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextHeadersModule());
vi.mock("@/lib/auth/next-auth", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextAuthModule());

const API_KEY = "ap_balance_route_test_key";
const ASSETPAY = "http://127.0.0.1:4999";
const STAFF = "ops@example.test";

vi.stubEnv("ASSETPAY_API_KEY", API_KEY);
vi.stubEnv("ASSETPAY_API_URL", ASSETPAY);
vi.stubEnv("ASSETPAY_TOKEN_STEAM_ID", "76561198000000001");
vi.stubEnv("ASSETPAY_TOKEN_TRADE_URL", "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash");
vi.stubEnv("AUTH_SECRET", "balance-route-test-secret-0123456789abcdef");
vi.stubEnv("STAFF_ACCOUNTS", `${STAFF}:${bcrypt.hashSync("unused", 4)}`);

const { GET } = await import("./route");

let assetPay: ReturnType<typeof vi.fn<(url: string, init: RequestInit) => Promise<Response>>>;

function envelope(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

const get = () => GET(new Request("http://127.0.0.1:3000/api/assetpay/balance"), undefined);

let testStart = Date.now();

beforeEach(() => {
  // Each test starts ten minutes after the last: the server's shared balance answer and any AssetPay
  // pause an earlier test caused (a 429 stops every caller until Retry-After) are over by then.
  vi.useFakeTimers({ toFake: ["Date"] });
  testStart += 600_000;
  vi.setSystemTime(testStart);
  signOut();
  assetPay = vi.fn<(url: string, init: RequestInit) => Promise<Response>>();
  vi.stubGlobal("fetch", assetPay);
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("GET /api/assetpay/balance", () => {
  it("answers 401 JSON to a visitor without a session, and never asks AssetPay", async () => {
    const response = await get();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
    expect(assetPay).not.toHaveBeenCalled();
  });

  it("answers 401 to a session cookie next-auth does not accept, or to an email no longer on STAFF_ACCOUNTS", async () => {
    fakeStaffRequest.cookie = `${SESSION_COOKIE_NAMES[1]}=forged`;
    expect((await get()).status).toBe(401);
    signInAs("someone-else@example.test");
    expect((await get()).status).toBe(401);
    expect(assetPay).not.toHaveBeenCalled();
  });

  it("gives signed-in staff the balance, never cached, asked of AssetPay with the API key", async () => {
    signInAs(STAFF);
    assetPay.mockResolvedValue(envelope(200, { success: true, data: { balance: 1520.5, pendingBalance: "30.25", escrowBalance: 12 } }));
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/^no-store\b/);
    expect(await response.json()).toEqual({
      balance: 1520.5,
      pendingBalance: 30.25,
      escrowBalance: 12,
      currency: "USD",
      fetchedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    const [url, init] = assetPay.mock.calls[0] ?? [];
    expect(url).toBe(`${ASSETPAY}/v1/wallets/me/balance`);
    expect(init?.headers).toMatchObject({ "api-key": API_KEY });
  });

  it("passes AssetPay's rate limit on as 429 with its Retry-After", async () => {
    signInAs(STAFF);
    assetPay.mockResolvedValue(
      envelope(429, { success: false, error: { key: "RATE_LIMITED", code: 1429, message: "slow down" } }, { "retry-after": "12" }),
    );
    const response = await get();
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("12");
    expect(await response.json()).toEqual({ error: { code: "rate_limited", message: expect.stringContaining("12 s") } });
  });

  it("turns a refused API key into 502 naming ASSETPAY_API_KEY, never the key itself", async () => {
    signInAs(STAFF);
    assetPay.mockResolvedValue(envelope(401, { success: false, error: { key: "INVALID_API_KEY", code: 1901, message: "bad key" } }));
    const response = await get();
    expect(response.status).toBe(502);
    expect(response.headers.get("retry-after")).toBeNull();
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("assetpay_configuration");
    expect(body.error.message).toContain("ASSETPAY_API_KEY");
    expect(JSON.stringify(body)).not.toContain(API_KEY);
  });

  it("answers 503 when AssetPay cannot be reached, and 502 when its answer is not a balance", async () => {
    signInAs(STAFF);
    assetPay.mockRejectedValueOnce(new TypeError("fetch failed"));
    const unreachable = await get();
    expect(unreachable.status).toBe(503);
    expect(((await unreachable.json()) as { error: { code: string } }).error.code).toBe("assetpay_unavailable");

    assetPay.mockResolvedValueOnce(envelope(200, { success: true, data: { balance: "lots" } }));
    const malformed = await get();
    expect(malformed.status).toBe(502);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe("assetpay_error");
  });
});
