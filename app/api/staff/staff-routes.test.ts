// The staff session routes as a browser meets them: the real handlers, session guard, session store
// (the app's own memory: no recorder runs here) and configuration; only the request's headers and
// next-auth's reading of the cookie are faked.
import bcrypt from "bcryptjs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie-name";

const fake = vi.hoisted(() => ({
  cookie: null as string | null,
  session: null as { user: { email: string }; expires: string } | null,
}));

vi.mock("next/headers", () => ({ headers: async () => new Headers(fake.cookie === null ? {} : { cookie: fake.cookie }) }));
vi.mock("@/lib/auth/next-auth", () => ({
  auth: async () => (await import("@/lib/auth/testing/open-session")).withOpenSession(fake.session),
  handlers: {},
  signIn: async () => undefined,
  signOut: async () => undefined,
}));

const ADMIN = "admin@example.test";
const OPERATOR = "ops@example.test";
const hash = bcrypt.hashSync("unused", 4);

vi.stubEnv("ASSETPAY_API_KEY", "ap_staff_routes_test_key");
vi.stubEnv("ASSETPAY_TOKEN_STEAM_ID", "76561198000000001");
vi.stubEnv("ASSETPAY_TOKEN_TRADE_URL", "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash");
vi.stubEnv("AUTH_SECRET", "staff-routes-test-secret-0123456789abcdef");
vi.stubEnv("STAFF_ACCOUNTS", `${ADMIN}:admin:${hash},${OPERATOR}:${hash}`);
vi.stubEnv("RECORDER_DATA_DIR", "test-results/no-recorder-unit");

const session = await import("./session/route");
const list = await import("./sessions/route");
const end = await import("./sessions/end/route");

let counter = 0;
/** The next request comes from `email`'s browser (a fresh cookie each time: the guard's memo never answers for an earlier one). */
function as(email: string): void {
  counter += 1;
  fake.cookie = `${SESSION_COOKIE_NAMES[1]}=staff-routes-${counter}`;
  fake.session = { user: { email }, expires: new Date(Date.now() + 3_600_000).toISOString() };
}

const URL_ = "http://127.0.0.1:3000/api/staff";
const postEnd = (body: unknown) => end.POST(new Request(`${URL_}/sessions/end`, { method: "POST", body: JSON.stringify(body) }), undefined);
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

beforeEach(() => {
  fake.cookie = null;
  fake.session = null;
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});

describe("staff session routes", () => {
  it("GET /api/staff/session says who is signed in, and 401 without a session", async () => {
    expect((await session.GET(new Request(`${URL_}/session`), undefined)).status).toBe(401);
    as(OPERATOR);
    const answer = await session.GET(new Request(`${URL_}/session`), undefined);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ email: OPERATOR, role: "operator" });
  });

  it("refuses a non-admin with 403 JSON, listing and ending alike", async () => {
    as(OPERATOR);
    const listed = await list.GET(new Request(`${URL_}/sessions`), undefined);
    expect(listed.status).toBe(403);
    expect(await errorCode(listed)).toBe("forbidden");
    as(OPERATOR);
    const ended = await postEnd({ email: ADMIN });
    expect(ended.status).toBe(403);
    expect(await errorCode(ended)).toBe("forbidden");
  });

  it("lets an admin list open sessions and end a staff member's, whose next request is refused", async () => {
    as(OPERATOR);
    expect((await session.GET(new Request(`${URL_}/session`), undefined)).status).toBe(200);
    as(ADMIN);
    const listed = await list.GET(new Request(`${URL_}/sessions`), undefined);
    expect(listed.status).toBe(200);
    const emails = ((await listed.json()) as { sessions: { email: string }[] }).sessions.map((s) => s.email);
    expect(emails).toEqual(expect.arrayContaining([OPERATOR, ADMIN]));

    as(ADMIN);
    expect((await postEnd({ nobody: true })).status).toBe(400);
    as(ADMIN);
    const ended = await postEnd({ email: OPERATOR.toUpperCase() });
    expect(ended.status).toBe(200);
    expect(await ended.json()).toEqual({ ended: 1 });

    as(OPERATOR);
    expect((await session.GET(new Request(`${URL_}/session`), undefined)).status).toBe(401);
    as(ADMIN);
    expect((await session.GET(new Request(`${URL_}/session`), undefined)).status).toBe(200);
  });
});
