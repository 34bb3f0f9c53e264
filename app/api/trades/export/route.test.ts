// POST /api/trades/export as a browser meets it: the real handler, session guard and audit log on an
// in-memory PGlite store. Faked: the request's headers (next/headers), next-auth's reading of the
// session cookie, and where the store is (lib/db/team-source).
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie-name";
import type { Database } from "@/lib/db/database";
import { EMPTY_TABLES, testBackend } from "@/lib/db/testing/test-databases";

const fake = vi.hoisted(() => ({
  cookie: null as string | null,
  session: null as { user: { email: string }; expires: string } | null,
  db: null as Database | null,
}));

vi.mock("next/headers", () => ({ headers: async () => new Headers(fake.cookie === null ? {} : { cookie: fake.cookie }) }));
vi.mock("@/lib/auth/next-auth", () => ({
  auth: async () => (await import("@/lib/auth/testing/open-session")).withOpenSession(fake.session),
  handlers: {},
  signIn: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("@/lib/db/team-source", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/db/team-source")>();
  return {
    ...real,
    teamSource: () => {
      if (!fake.db) throw new Error("no test database");
      return real.teamSourceOver(fake.db);
    },
  };
});

const ADMIN = "admin@example.test";
const OPERATOR = "ops@example.test";
const VIEWER = "viewer@example.test";
const hash = bcrypt.hashSync("unused", 4);
vi.stubEnv("ASSETPAY_API_KEY", "ap_trade_export_test_key");
vi.stubEnv("ASSETPAY_API_URL", "http://127.0.0.1:4999");
vi.stubEnv("ASSETPAY_TOKEN_STEAM_ID", "76561198000000001");
vi.stubEnv("ASSETPAY_TOKEN_TRADE_URL", "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash");
vi.stubEnv("AUTH_SECRET", "trade-export-test-secret-0123456789abcdef");
vi.stubEnv("STAFF_ACCOUNTS", `${ADMIN}:admin:${hash},${OPERATOR}:operator:${hash},${VIEWER}:viewer:${hash}`);

const tradeExport = await import("./route");
const audit = await import("../../audit/route");

const backend = testBackend("pglite");
let cookieCounter = 0;

function signInAs(email: string): void {
  cookieCounter += 1;
  fake.cookie = `${SESSION_COOKIE_NAMES[1]}=export-session-${cookieCounter}`;
  fake.session = { user: { email }, expires: new Date(Date.now() + 3_600_000).toISOString() };
}

const post = (body: unknown) =>
  new Request("http://127.0.0.1:3000/api/trades/export", {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "ExportTest/1.0" },
    body: JSON.stringify(body),
  });

async function exportEntries(): Promise<{ actor: string; action: string; subject: string; detail: string }[]> {
  signInAs(ADMIN);
  const response = await audit.GET(new Request("http://127.0.0.1:3000/api/audit?action=export"), undefined);
  return (await response.json()).entries;
}

beforeAll(async () => {
  fake.db = (await backend.open()).db;
}, 120_000);
afterAll(() => backend.close());

beforeEach(async () => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  fake.cookie = null;
  fake.session = null;
  if (!fake.db) throw new Error("no test database");
  await fake.db.query(EMPTY_TABLES);
});

describe("POST /api/trades/export", () => {
  it("records an operator's export of the board's view in the audit log", async () => {
    signInAs(OPERATOR);
    const answer = await tradeExport.POST(post({ rows: 3, view: "game=rust&stalled=1" }), undefined);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ recorded: true });
    signInAs(OPERATOR);
    expect((await tradeExport.POST(post({ rows: 1, view: "" }), undefined)).status).toBe(200);
    expect((await exportEntries()).map((e) => [e.actor, e.action, e.subject, e.detail])).toEqual([
      [OPERATOR, "export", "trades", "1 row; every trade"],
      [OPERATOR, "export", "trades", "3 rows; game=rust&stalled=1"],
    ]);
  });

  it("refuses a viewer (403), no session (401) and a bad body (400), recording nothing", async () => {
    expect((await tradeExport.POST(post({ rows: 3, view: "" }), undefined)).status).toBe(401);
    signInAs(VIEWER);
    const refused = await tradeExport.POST(post({ rows: 3, view: "" }), undefined);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    signInAs(OPERATOR);
    expect((await tradeExport.POST(post({ rows: -1, view: "" }), undefined)).status).toBe(400);
    expect(await exportEntries()).toEqual([]);
  });
});
