// GET /api/assetpay/health as a browser meets it: the real handler, session guard and configuration
// run; only the request's headers, next-auth's reading of the cookie and AssetPay itself (fetch) are faked.
import bcrypt from "bcryptjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signInAs, signOut } from "@/lib/auth/testing/fake-staff-request";

vi.mock("next/headers", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextHeadersModule());
vi.mock("@/lib/auth/next-auth", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextAuthModule());

const ASSETPAY = "http://127.0.0.1:4998";
const STAFF = "ops@example.test";

vi.stubEnv("ASSETPAY_API_KEY", "ap_health_route_test_key");
vi.stubEnv("ASSETPAY_API_URL", ASSETPAY);
vi.stubEnv("ASSETPAY_TOKEN_STEAM_ID", "76561198000000001");
vi.stubEnv("ASSETPAY_TOKEN_TRADE_URL", "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash");
vi.stubEnv("AUTH_SECRET", "health-route-test-secret-0123456789abcdef");
vi.stubEnv("STAFF_ACCOUNTS", `${STAFF}:${bcrypt.hashSync("unused", 4)}`);

const { GET } = await import("./route");

let assetPay: ReturnType<typeof vi.fn<(url: string, init: RequestInit) => Promise<Response>>>;

const get = () => GET(new Request("http://127.0.0.1:3000/api/assetpay/health"), undefined);

beforeEach(() => {
  signOut();
  assetPay = vi.fn(async () => new Response(JSON.stringify({ status: "maintenance", maintenance: { mode: true } }), { status: 503 }));
  vi.stubGlobal("fetch", assetPay);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("GET /api/assetpay/health", () => {
  it("answers 401 to a visitor without a session, and never asks AssetPay", async () => {
    expect((await get()).status).toBe(401);
    expect(assetPay).not.toHaveBeenCalled();
  });

  it("tells staff whether AssetPay reports maintenance, asking AssetPay once for many tabs, without the API key", async () => {
    signInAs(STAFF);
    const answers = await Promise.all([get(), get(), get()]);
    for (const response of answers) {
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toContain("no-store");
      expect(await response.json()).toMatchObject({ maintenance: true, reachable: true });
    }
    expect(assetPay).toHaveBeenCalledTimes(1);
    const [url, init] = assetPay.mock.calls[0] ?? [];
    expect(url).toBe(`${ASSETPAY}/health`);
    expect(JSON.stringify(init?.headers ?? {})).not.toContain("ap_health_route_test_key");
  });
});
