// The two-factor settings routes as the Settings page meets them: the real handlers, session guard,
// enrolment and store, on an in-memory PGlite store. Faked: the request's headers (next/headers),
// next-auth's reading of the session cookie, where the store is (lib/db/team-source), and the clock's
// codes are computed with the same library the server uses.
import bcrypt from "bcryptjs";
import { Secret, TOTP } from "otpauth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signInAs, signOut } from "@/lib/auth/testing/fake-staff-request";
import { emptyFakeTeamStore, openFakeTeamStore } from "@/lib/db/testing/fake-team-source";

vi.mock("next/headers", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextHeadersModule());
vi.mock("@/lib/auth/next-auth", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextAuthModule());
vi.mock("@/lib/db/team-source", async (importOriginal) => (await import("@/lib/db/testing/fake-team-source")).fakeTeamSourceModule(importOriginal));

const HASH = bcrypt.hashSync("unused", 4);
const ACCOUNTS = ["enrol", "limit", "origin", "off"].map((name) => `${name}@example.test`);
vi.stubEnv("ASSETPAY_API_KEY", "ap_two_factor_routes_test_key");
vi.stubEnv("ASSETPAY_API_URL", "http://127.0.0.1:4999");
vi.stubEnv("ASSETPAY_TOKEN_STEAM_ID", "76561198000000001");
vi.stubEnv("ASSETPAY_TOKEN_TRADE_URL", "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash");
vi.stubEnv("AUTH_SECRET", "two-factor-routes-test-secret-0123456789");
vi.stubEnv("STAFF_ACCOUNTS", ACCOUNTS.map((email) => `${email}:${HASH}`).join(","));

const status = await import("./route");
const setup = await import("./setup/route");
const enable = await import("./enable/route");
const disable = await import("./disable/route");
const recoveryCodes = await import("./recovery-codes/route");
const { CODE_ATTEMPTS_PER_MINUTE } = await import("./two-factor-request");


const post = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1:3000/api/settings/two-factor${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const get = () => new Request("http://127.0.0.1:3000/api/settings/two-factor");
const codeAt = (key: string, timestamp: number) => TOTP.generate({ secret: Secret.fromBase32(key), timestamp });
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

async function setUp(): Promise<string> {
  const response = await setup.POST(post("/setup", {}), undefined);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { key: string; uri: string; qrCode: string };
  expect(body.qrCode).toMatch(/^data:image\/png;base64,/);
  expect(body.uri).toContain(`secret=${body.key}`);
  return body.key;
}

openFakeTeamStore();

beforeEach(async () => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  signOut();
  await emptyFakeTeamStore();
});

describe("two-factor settings routes", () => {
  it("set up, turn on with a code from the key, answer the recovery codes once, then report it on", async () => {
    signInAs("enrol@example.test");
    expect(await (await status.GET(get(), undefined)).json()).toEqual({
      passwordAccount: true,
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
      required: false,
    });
    const key = await setUp();
    const wrong = await enable.POST(post("/enable", { code: "12345x" }), undefined);
    expect(wrong.status).toBe(400);
    expect(await errorCode(wrong)).toBe("wrong_code");
    const on = await enable.POST(post("/enable", { code: codeAt(key, Date.now()) }), undefined);
    expect(on.status).toBe(200);
    expect(((await on.json()) as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
    expect(await (await status.GET(get(), undefined)).json()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    const again = await setup.POST(post("/setup", {}), undefined);
    expect(again.status).toBe(400);
    expect(await errorCode(again)).toBe("already_on");
  });

  it("refuse a missing or malformed code with 400, and more than a few code attempts a minute with 429", async () => {
    signInAs("limit@example.test");
    await setUp();
    const missing = await enable.POST(post("/enable", {}), undefined);
    expect(missing.status).toBe(400);
    expect(await errorCode(missing)).toBe("invalid_body");
    for (let attempt = 2; attempt <= CODE_ATTEMPTS_PER_MINUTE; attempt += 1) {
      expect((await enable.POST(post("/enable", { code: "000000" }), undefined)).status).toBe(400);
    }
    const limited = await disable.POST(post("/disable", { code: "000000" }), undefined);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("refuse a cross-site caller with 403, and answer 401 without a session", async () => {
    expect((await setup.POST(post("/setup", {}), undefined)).status).toBe(401);
    signInAs("origin@example.test");
    const crossSite = await setup.POST(post("/setup", {}, { "sec-fetch-site": "cross-site" }), undefined);
    expect(crossSite.status).toBe(403);
    expect(await errorCode(crossSite)).toBe("cross_origin");
  });

  it("turn off and renew recovery codes only with a current code", async () => {
    signInAs("off@example.test");
    const key = await setUp();
    const on = await enable.POST(post("/enable", { code: codeAt(key, Date.now()) }), undefined);
    const [first = ""] = ((await on.json()) as { recoveryCodes: string[] }).recoveryCodes;
    const renewed = await recoveryCodes.POST(post("/recovery-codes", { code: first }), undefined);
    expect(renewed.status).toBe(200);
    expect(await errorCode(await disable.POST(post("/disable", { code: first }), undefined))).toBe("wrong_code");
    const [fresh = ""] = ((await renewed.json()) as { recoveryCodes: string[] }).recoveryCodes;
    expect(await (await disable.POST(post("/disable", { code: fresh }), undefined)).json()).toEqual({ enabled: false });
    expect(await (await status.GET(get(), undefined)).json()).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
  });
});
