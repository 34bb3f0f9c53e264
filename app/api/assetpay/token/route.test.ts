// POST /api/assetpay/token as a browser (or a script riding a cookie) meets it: limited per staff
// member whatever the cookies say, and a burst is answered from one minted token. Only next/headers
// and next-auth's reading of the cookie are faked; tokens are signed locally (ASSETPAY_API_SECRET).
import bcrypt from "bcryptjs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie-name";
import { TOKEN_REQUESTS_PER_MINUTE } from "@/lib/auth/token-rate-limit";

const fake = vi.hoisted(() => ({
  cookie: null as string | null,
  session: null as { user: { email: string }; expires: string } | null,
}));

vi.mock("next/headers", () => ({ headers: async () => new Headers(fake.cookie === null ? {} : { cookie: fake.cookie }) }));
vi.mock("@/lib/auth/next-auth", () => ({
  auth: async () => fake.session,
  handlers: {},
  signIn: async () => undefined,
  signOut: async () => undefined,
}));

const STAFF = ["ops@example.test", "lead@example.test"];
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

/** A request of `email`'s session with cookies that differ every time: a new session cookie and junk. */
function requestAs(email: string): Request {
  counter += 1;
  fake.cookie = `${SESSION_COOKIE_NAMES[1]}=session-${counter}; junk-${counter}=${Math.random()}`;
  fake.session = { user: { email }, expires: new Date(Date.now() + 3_600_000).toISOString() };
  return new Request("http://127.0.0.1:3000/api/assetpay/token", {
    method: "POST",
    headers: { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "sec-fetch-site": "same-origin" },
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
});
