// The audit log's routes as a browser meets them: the real handlers, session guard, team routes and
// store, on an in-memory PGlite store. Faked: the request's headers (next/headers), next-auth's reading
// of the session cookie, and where the store is (lib/db/team-source).
import bcrypt from "bcryptjs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signInAs, signOut } from "@/lib/auth/testing/fake-staff-request";
import { applyAlertEvaluations } from "@/lib/db/alert-raising";
import { emptyFakeTeamStore, openFakeTeamStore } from "@/lib/db/testing/fake-team-source";

vi.mock("next/headers", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextHeadersModule());
vi.mock("@/lib/auth/next-auth", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextAuthModule());
vi.mock("@/lib/db/team-source", async (importOriginal) => (await import("@/lib/db/testing/fake-team-source")).fakeTeamSourceModule(importOriginal));

const ADMIN = "admin@example.test";
const OPERATOR = "ops@example.test";
const hash = bcrypt.hashSync("unused", 4);
vi.stubEnv("ASSETPAY_API_KEY", "ap_audit_routes_test_key");
vi.stubEnv("ASSETPAY_API_URL", "http://127.0.0.1:4999");
vi.stubEnv("ASSETPAY_TOKEN_STEAM_ID", "76561198000000001");
vi.stubEnv("ASSETPAY_TOKEN_TRADE_URL", "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash");
vi.stubEnv("AUTH_SECRET", "audit-routes-test-secret-0123456789abcdef");
vi.stubEnv("STAFF_ACCOUNTS", `${ADMIN}:admin:${hash},${OPERATOR}:operator:${hash}`);

const audit = await import("./route");
const auditExport = await import("./export/route");
const acknowledge = await import("../alerts/[id]/acknowledge/route");
const notes = await import("../trades/[id]/notes/route");


// The address the server stamps from the socket (lib/auth/client-address.ts).
const BROWSER = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AuditTest/1.0", "x-assetpay-ops-socket-address": "203.0.113.9" };
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (path: string, body?: unknown) =>
  new Request(`http://127.0.0.1:3000${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...BROWSER },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const get = (path: string) => new Request(`http://127.0.0.1:3000${path}`, { headers: BROWSER });

const ALERT_ID = "stalled:trade:t-1:1";

openFakeTeamStore();

beforeEach(async () => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  signOut();
  const db = await emptyFakeTeamStore();
  await applyAlertEvaluations(
    db,
    [{ subject: "trade:t-1", tradeId: "t-1", fundingId: null, game: "cs2", kinds: ["stalled"], holding: [{ kind: "stalled", reason: "active 42 min" }] }],
    { deliver: false },
  );
});

async function operatorActs(): Promise<void> {
  signInAs(OPERATOR);
  expect((await acknowledge.POST(post(`/api/alerts/${ALERT_ID}/acknowledge`), ctx(ALERT_ID))).status).toBe(200);
  expect((await notes.POST(post("/api/trades/t-1/notes", { text: "=HYPERLINK(\"http://evil.test\",\"click\")" }), ctx("t-1"))).status).toBe(200);
}

describe("GET /api/audit", () => {
  it("answers 401 without a session and 403 JSON to a non-admin", async () => {
    expect((await audit.GET(get("/api/audit"), undefined)).status).toBe(401);
    signInAs(OPERATOR);
    const refused = await audit.GET(get("/api/audit"), undefined);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    expect((await auditExport.GET(get("/api/audit/export"), undefined)).status).toBe(403);
  });

  it("lists each team action newest first with who, what, address and user agent", async () => {
    await operatorActs();
    signInAs(ADMIN);
    const response = await audit.GET(get("/api/audit"), undefined);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.entries.map((e: { actor: string; action: string; subject: string }) => [e.actor, e.action, e.subject])).toEqual([
      [OPERATOR, "note", "t-1"],
      [OPERATOR, "acknowledge", ALERT_ID],
    ]);
    expect(body.entries[1]).toMatchObject({ address: "203.0.113.9", userAgent: BROWSER["user-agent"] });
    expect(body.nextCursor).toBeNull();
  });

  it("filters by action and staff member, pages with the cursor, and refuses bad filters with 400 JSON", async () => {
    await operatorActs();
    signInAs(ADMIN);
    const acks = await (await audit.GET(get("/api/audit?action=acknowledge"), undefined)).json();
    expect(acks.entries.map((e: { action: string }) => e.action)).toEqual(["acknowledge"]);
    expect((await (await audit.GET(get(`/api/audit?actor=${ADMIN}`), undefined)).json()).entries).toEqual([]);
    const first = await (await audit.GET(get("/api/audit?limit=1"), undefined)).json();
    const second = await (await audit.GET(get(`/api/audit?limit=1&cursor=${first.nextCursor}`), undefined)).json();
    expect([...first.entries, ...second.entries].map((e: { action: string }) => e.action)).toEqual(["note", "acknowledge"]);
    for (const bad of ["action=delete", "from=yesterday", "from=2026-02-01&to=2026-01-01", "cursor=abc", "limit=0", "limit=501"]) {
      const response = await audit.GET(get(`/api/audit?${bad}`), undefined);
      expect(response.status, bad).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_query");
    }
  });
});

describe("GET /api/audit/export", () => {
  it("downloads the filtered log as CSV with a header row, formulas neutralised, and records the export", async () => {
    await operatorActs();
    signInAs(ADMIN);
    const response = await auditExport.GET(get("/api/audit/export?action=note"), undefined);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe("When (UTC),Who,Action,Subject,Detail,Address,User agent");
    expect(lines).toHaveLength(3); // header, the note, and the final line break
    expect(lines[1]).toContain(`${OPERATOR},note,t-1,"'=HYPERLINK(""http://evil.test"",""click"")",203.0.113.9,`);

    const log = await (await audit.GET(get("/api/audit?action=export"), undefined)).json();
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ actor: ADMIN, action: "export", subject: "audit-log", detail: "1 row; action=note", address: "203.0.113.9" });
  });
});
