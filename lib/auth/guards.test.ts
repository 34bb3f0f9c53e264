// The session guard as an attacker meets it: a copy of an ended session's cookie, a junk cookie beside
// a valid one, and a store that cannot answer. Only next/headers and next-auth's reading of the cookie
// are faked (auth() accepts exactly the plain cookie "valid-<n>"); the store is the app's own memory.
import bcrypt from "bcryptjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RecorderUnavailableError } from "@/lib/db/recorded-source";
import type { StaffSessionStore } from "@/lib/db/staff-sessions";
import { memoryStaffSessionStore } from "@/lib/db/staff-sessions-memory";

const fake = vi.hoisted(() => ({ cookie: "", sessions: new Map<string, string>(), unreachable: false }));
const EMAIL = "ops@example.test";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ cookie: fake.cookie }) }));
vi.mock("@/lib/auth/next-auth", () => ({
  // Like next-auth over plain HTTP: reads `authjs.session-token` (first of duplicates), never the __Secure- one.
  auth: async () => {
    const value = /(?:^|;\s*)authjs\.session-token=([^;]*)/.exec(fake.cookie)?.[1];
    const sid = value === undefined ? undefined : fake.sessions.get(value);
    return sid ? { user: { email: EMAIL }, expires: new Date(Date.now() + 3_600_000).toISOString(), sid, sidWhere: "shared" } : null;
  },
}));
const memory = memoryStaffSessionStore();
const store: StaffSessionStore = {
  ...memory,
  check: (id, idle) => (fake.unreachable ? Promise.reject(new RecorderUnavailableError("the recorder did not answer")) : memory.check(id, idle)),
};
vi.mock("./session-store", () => ({ storeHolding: () => store, everyStore: () => [store], storeForNewSession: () => ({ key: "shared", store }) }));

vi.stubEnv("ASSETPAY_API_KEY", "ap_guards_test_key");
vi.stubEnv("ASSETPAY_TOKEN_STEAM_ID", "76561198000000001");
vi.stubEnv("ASSETPAY_TOKEN_TRADE_URL", "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash");
vi.stubEnv("AUTH_SECRET", "guards-test-secret-0123456789abcdef0123");
vi.stubEnv("STAFF_ACCOUNTS", `${EMAIL}:${bcrypt.hashSync("unused", 4)}`);

const { getStaffSession, requireStaffApi } = await import("./guards");
const { endSession } = await import("./session-liveness");
const { newSessionId } = await import("./session-id");
const { OPEN_FOR_MS } = await import("./session-liveness");

let counter = 0;
async function signedIn(): Promise<{ cookie: string; sid: string }> {
  counter += 1;
  const sid = newSessionId();
  await store.open({ id: sid, email: EMAIL, role: "operator", provider: "credentials", expiresAt: new Date(Date.now() + 3_600_000).toISOString(), address: null, userAgent: null });
  fake.sessions.set(`valid-${counter}`, sid);
  return { cookie: `authjs.session-token=valid-${counter}`, sid };
}

async function as(cookie: string) {
  fake.cookie = cookie;
  return getStaffSession();
}

afterEach(() => {
  fake.unreachable = false;
  vi.useRealTimers();
});

describe("getStaffSession", () => {
  it("admits an open session, and refuses every copy of its cookie once it is ended here", async () => {
    const { cookie, sid } = await signedIn();
    expect(await as(cookie)).toMatchObject({ email: EMAIL, role: "operator", session: { id: sid, where: "shared" } });
    expect(await endSession({ id: sid, where: "shared" }, "sign-out")).toEqual({ email: EMAIL });
    expect(await as(cookie)).toBeNull();
  });

  it("refuses a session ended elsewhere (another instance) within a few seconds", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { cookie, sid } = await signedIn();
    expect(await as(cookie)).not.toBeNull();
    await memory.end(sid, "revoked");
    vi.setSystemTime(Date.now() + OPEN_FOR_MS);
    expect(await as(cookie)).toBeNull();
  });

  it("never lets a junk cookie sent beside a valid one stand for it afterwards", async () => {
    const { cookie } = await signedIn();
    expect(await as(`__Secure-authjs.session-token=alias-X; ${cookie}`)).not.toBeNull();
    expect(await as("__Secure-authjs.session-token=alias-X")).toBeNull();
    expect(await as(`${cookie}; authjs.session-token=junk`)).not.toBeNull();
    expect(await as("authjs.session-token=junk")).toBeNull();
  });

  it("answers 503 recorder_unavailable, not a session, when the store cannot say", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { cookie } = await signedIn();
    fake.cookie = cookie;
    fake.unreachable = true;
    const gate = await requireStaffApi();
    expect(gate.ok).toBe(false);
    if (!gate.ok) {
      expect(gate.response.status).toBe(503);
      expect(((await gate.response.json()) as { error: { code: string } }).error.code).toBe("recorder_unavailable");
    }
  });
});
