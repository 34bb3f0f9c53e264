// POST /api/trades/export as a browser meets it: the real handler, session guard and audit log on an
// in-memory PGlite store. Faked: the request's headers (next/headers), next-auth's reading of the
// session cookie, and where the store is (lib/db/team-source).
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie-name";
import type { Database } from "@/lib/db/database";
import { EMPTY_TABLES, testBackend } from "@/lib/db/testing/test-databases";
import { at, tradeVersion } from "@/lib/db/testing/recorded-versions";
import { recordTrades } from "@/lib/db/trade-writes";
import { T0 } from "@/lib/trades/test-fixtures";
import { TRADE_CSV_COLUMNS } from "@/lib/trades/trades-csv";

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
// Pages of three rows, so a handful of trades crosses page boundaries.
vi.mock("@/lib/db/trade-export", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db/trade-export")>()), EXPORT_PAGE_ROWS: 3 }));
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

const getExport = (query: string) =>
  new Request(`http://127.0.0.1:3000/api/trades/export?${query}`, { headers: { "user-agent": "ExportTest/1.0" } });

describe("GET /api/trades/export (a date range of the recorded history)", () => {
  async function recordSome(): Promise<void> {
    if (!fake.db) throw new Error("no test database");
    await recordTrades(
      fake.db,
      [
        ...["d", "a", "c", "b"].map((id) => tradeVersion({ id: `rust-${id}`, game: "252490", status: "completed", updatedAt: at(5) })),
        tradeVersion({ id: "rust-first", game: "252490", status: "hold", updatedAt: at(1) }),
        tradeVersion({ id: "rust-last", game: "252490", status: "failed", updatedAt: at(9), items: [{ id: "i", name: "=HYPERLINK(\"x\")", marketPrice: 1 }] }),
        tradeVersion({ id: "cs2-one", game: "730", status: "completed", updatedAt: at(2) }),
        tradeVersion({ id: "rust-later", game: "252490", status: "completed", updatedAt: at(20) }),
      ],
      T0,
    );
  }

  it("streams the range's trades as CSV in updatedAt order across pages, with the total first and the export audited", async () => {
    await recordSome();
    signInAs(OPERATOR);
    const answer = await tradeExport.GET(getExport(`from=${at(0)}&to=${at(10)}&game=rust`), undefined);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("content-disposition")).toBe('attachment; filename="trades-2026-05-01-to-2026-05-01.csv"');
    expect(answer.headers.get("x-total-rows")).toBe("6");
    const lines = (await answer.text()).split("\r\n");
    expect(lines[0]).toBe(TRADE_CSV_COLUMNS.join(","));
    expect(lines.slice(1, -1).map((line) => line.split(",")[0])).toEqual(["rust-first", "rust-a", "rust-b", "rust-c", "rust-d", "rust-last"]);
    expect(lines.at(-1)).toBe("");
    expect(lines[6]).toContain(`,"'=HYPERLINK(""x"")",`);
    expect((await exportEntries()).map((e) => [e.actor, e.subject, e.detail])).toEqual([
      [OPERATOR, "trades", `6 rows; history ${at(0)} – ${at(10)}; game=rust`],
    ]);
  });

  it("applies type and status too, and writes the header alone for an empty range", async () => {
    await recordSome();
    signInAs(ADMIN);
    const failed = await tradeExport.GET(getExport(`from=${at(0)}&to=${at(10)}&status=failed,hold&type=deposit`), undefined);
    expect((await failed.text()).split("\r\n").slice(1, -1).map((line) => line.split(",")[0])).toEqual(["rust-first", "rust-last"]);
    signInAs(ADMIN);
    const empty = await tradeExport.GET(getExport(`from=${at(100)}&to=${at(200)}`), undefined);
    expect(empty.headers.get("x-total-rows")).toBe("0");
    expect(await empty.text()).toBe(`${TRADE_CSV_COLUMNS.join(",")}\r\n`);
  });

  it("refuses a viewer (403) and no session (401), exporting and recording nothing", async () => {
    await recordSome();
    const query = `from=${at(0)}&to=${at(10)}`;
    expect((await tradeExport.GET(getExport(query), undefined)).status).toBe(401);
    signInAs(VIEWER);
    const refused = await tradeExport.GET(getExport(query), undefined);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    expect(await exportEntries()).toEqual([]);
  });

  it("answers 400 JSON for bad dates, a reversed or over-long range and unknown filter values, recording nothing", async () => {
    const day = 86_400_000;
    const bad = [
      "to=2026-05-02T00:00:00Z",
      "from=yesterday&to=2026-05-02T00:00:00Z",
      "from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z",
      `from=${new Date(T0).toISOString()}&to=${new Date(T0 + 401 * day).toISOString()}`,
      `from=${at(0)}&to=${at(10)}&status=teleported`,
      `from=${at(0)}&to=${at(10)}&game=dota`,
    ];
    for (const query of bad) {
      signInAs(OPERATOR);
      const answer = await tradeExport.GET(getExport(query), undefined);
      expect(answer.status, query).toBe(400);
      expect((await answer.json()).error.code).toBe("invalid_query");
    }
    signInAs(OPERATOR);
    expect((await tradeExport.GET(getExport(`from=${new Date(T0).toISOString()}&to=${new Date(T0 + 400 * day).toISOString()}`), undefined)).status).toBe(200);
    expect((await exportEntries()).map((e) => e.detail)).toEqual([expect.stringMatching(/^0 rows; history /)]);
  });
});
