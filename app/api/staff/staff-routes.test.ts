// The staff session routes as a browser meets them: the real handlers, session guard, session store
// (the app's own memory: no recorder runs here) and configuration; only the request's headers and
// next-auth's reading of the cookie are faked.
import bcrypt from "bcryptjs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signInAs, signOut } from "@/lib/auth/testing/fake-staff-request";

vi.mock("next/headers", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextHeadersModule());
vi.mock("@/lib/auth/next-auth", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextAuthModule());

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

const URL_ = "http://127.0.0.1:3000/api/staff";
const postEnd = (body: unknown) => end.POST(new Request(`${URL_}/sessions/end`, { method: "POST", body: JSON.stringify(body) }), undefined);
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

beforeEach(() => {
  signOut();
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});

describe("staff session routes", () => {
  it("GET /api/staff/session says who is signed in, and 401 without a session", async () => {
    expect((await session.GET(new Request(`${URL_}/session`), undefined)).status).toBe(401);
    signInAs(OPERATOR);
    const answer = await session.GET(new Request(`${URL_}/session`), undefined);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ email: OPERATOR, role: "operator" });
  });

  it("refuses a non-admin with 403 JSON, listing and ending alike", async () => {
    signInAs(OPERATOR);
    const listed = await list.GET(new Request(`${URL_}/sessions`), undefined);
    expect(listed.status).toBe(403);
    expect(await errorCode(listed)).toBe("forbidden");
    signInAs(OPERATOR);
    const ended = await postEnd({ email: ADMIN });
    expect(ended.status).toBe(403);
    expect(await errorCode(ended)).toBe("forbidden");
  });

  it("lets an admin list open sessions and end a staff member's, whose next request is refused", async () => {
    signInAs(OPERATOR);
    expect((await session.GET(new Request(`${URL_}/session`), undefined)).status).toBe(200);
    signInAs(ADMIN);
    const listed = await list.GET(new Request(`${URL_}/sessions`), undefined);
    expect(listed.status).toBe(200);
    const emails = ((await listed.json()) as { sessions: { email: string }[] }).sessions.map((s) => s.email);
    expect(emails).toEqual(expect.arrayContaining([OPERATOR, ADMIN]));

    signInAs(ADMIN);
    expect((await postEnd({ nobody: true })).status).toBe(400);
    signInAs(ADMIN);
    const ended = await postEnd({ email: OPERATOR.toUpperCase() });
    expect(ended.status).toBe(200);
    expect(await ended.json()).toEqual({ ended: 1 });

    signInAs(OPERATOR);
    expect((await session.GET(new Request(`${URL_}/session`), undefined)).status).toBe(401);
    signInAs(ADMIN);
    expect((await session.GET(new Request(`${URL_}/session`), undefined)).status).toBe(200);
  });
});
