// POST /api/assetpay/token as a browser (or a script riding a cookie) meets it: limited per staff
// member whatever the cookies say, and a burst is answered from one minted token. Only next/headers
// and next-auth's reading of the cookie are faked; tokens are signed locally (ASSETPAY_API_SECRET).
import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signInAs } from "@/lib/auth/testing/fake-staff-request";
import { TOKEN_REQUESTS_PER_MINUTE } from "@/lib/auth/token-rate-limit";

vi.mock("next/headers", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextHeadersModule());
vi.mock("@/lib/auth/next-auth", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextAuthModule());

const STAFF = ["ops@example.test", "lead@example.test", "night@example.test", "weekend@example.test"];
const hash = bcrypt.hashSync("unused", 4);

vi.stubEnv("ASSETPAY_API_KEY", "ap_token_route_test_key");
vi.stubEnv("ASSETPAY_API_URL", "http://127.0.0.1:1");
vi.stubEnv("ASSETPAY_API_SECRET", "token-route-test-secret");
vi.stubEnv("ASSETPAY_MERCHANT_ID", "merchant-1");
vi.stubEnv("ASSETPAY_TOKEN_STEAM_ID", "76561198000000001");
vi.stubEnv("ASSETPAY_TOKEN_TRADE_URL", "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash");
vi.stubEnv("AUTH_SECRET", "token-route-test-secret-0123456789abcdef");
vi.stubEnv("STAFF_ACCOUNTS", STAFF.map((email) => `${email}:${hash}`).join(","));

const { POST } = await import("./route");

let counter = 0;

const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

/** A request of `email`'s session with cookies that differ every time: a new session cookie and junk. */
function requestAs(email: string, body?: string): Request {
  counter += 1;
  signInAs(email, `junk-${counter}=${Math.random()}`);
  return new Request("http://127.0.0.1:3000/api/assetpay/token", {
    method: "POST",
    headers: { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "sec-fetch-site": "same-origin" },
    ...(body === undefined ? {} : { body }),
  });
}

beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

describe("POST /api/assetpay/token", () => {
  it("limits a staff member however the cookies change, mints once for the burst, and leaves other staff alone", async () => {
    const tokens = new Set<string>();
    for (let i = 0; i < TOKEN_REQUESTS_PER_MINUTE; i += 1) {
      const response = await POST(requestAs(STAFF[0] ?? ""), undefined);
      expect(response.status).toBe(200);
      tokens.add(((await response.json()) as { token: string }).token);
    }
    expect(tokens.size).toBe(1);

    const refused = await POST(requestAs(STAFF[0] ?? ""), undefined);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("too_many_requests");

    const other = await POST(requestAs(STAFF[1] ?? ""), undefined);
    expect(other.status).toBe(200);
    expect(tokens.has(((await other.json()) as { token: string }).token)).toBe(false);
  });

  it("hands out a fresh token when the browser names the remembered one as refused, and only then", async () => {
    const email = STAFF[2] ?? "";
    const tokenOf = async (body?: string) => {
      const response = await POST(requestAs(email, body), undefined);
      expect(response.status).toBe(200);
      return ((await response.json()) as { token: string }).token;
    };
    const first = await tokenOf();
    expect(await tokenOf("{}")).toBe(first);
    expect(await tokenOf(JSON.stringify({ refused: sha256Hex("some older token") }))).toBe(first);
    // Locally signed tokens carry `iat` in whole seconds: only a mint in a later second is a different token.
    await new Promise((resolve) => setTimeout(resolve, 1_050 - (Date.now() % 1_000)));
    const second = await tokenOf(JSON.stringify({ refused: sha256Hex(first) }));
    expect(second).not.toBe(first);
    expect(await tokenOf()).toBe(second);
  });

  it("refuses a body that is not an optional refused-token digest with 400 JSON, and an oversized one with 413", async () => {
    const email = STAFF[3] ?? "";
    for (const body of ["not json", "[]", '{"refused":"abc"}', JSON.stringify({ refused: sha256Hex("x"), extra: 1 }), '{"refused":42}']) {
      const response = await POST(requestAs(email, body), undefined);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_body");
    }
    const oversized = await POST(requestAs(email, JSON.stringify({ refused: sha256Hex("x"), pad: "x".repeat(4_000) })), undefined);
    expect(oversized.status).toBe(413);
    expect(((await oversized.json()) as { error: { code: string } }).error.code).toBe("body_too_large");
  });
});
