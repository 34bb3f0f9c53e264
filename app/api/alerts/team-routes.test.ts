// The alert and team route handlers as a browser meets them: the real handlers, session guard and
// store functions, on an in-memory PGlite store. Faked: the request's headers (next/headers),
// next-auth's reading of the session cookie, and where the store is (lib/db/team-source).
import bcrypt from "bcryptjs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signInAs, signOut } from "@/lib/auth/testing/fake-staff-request";
import { applyAlertEvaluations } from "@/lib/db/alert-raising";
import { emptyFakeTeamStore, openFakeTeamStore } from "@/lib/db/testing/fake-team-source";

vi.mock("next/headers", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextHeadersModule());
vi.mock("@/lib/auth/next-auth", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextAuthModule());
vi.mock("@/lib/db/team-source", async (importOriginal) => (await import("@/lib/db/testing/fake-team-source")).fakeTeamSourceModule(importOriginal));

const STAFF = "ops@example.test";
const ADMIN = "lead@example.test";
const VIEWER = "watch@example.test";
vi.stubEnv("ASSETPAY_API_KEY", "ap_team_routes_test_key");
vi.stubEnv("ASSETPAY_API_URL", "http://127.0.0.1:4999");
vi.stubEnv("ASSETPAY_TOKEN_STEAM_ID", "76561198000000001");
vi.stubEnv("ASSETPAY_TOKEN_TRADE_URL", "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash");
vi.stubEnv("AUTH_SECRET", "team-routes-test-secret-0123456789abcdef");
const HASH = bcrypt.hashSync("unused", 4);
vi.stubEnv("STAFF_ACCOUNTS", `${STAFF}:${HASH},${ADMIN}:admin:${HASH},${VIEWER}:viewer:${HASH}`);

const alerts = await import("./route");
const acknowledge = await import("./[id]/acknowledge/route");
const acknowledgeAll = await import("./acknowledge-all/route");
const snooze = await import("./[id]/snooze/route");
const assignAlert = await import("./[id]/assign/route");
const notes = await import("../trades/[id]/notes/route");
const team = await import("../trades/[id]/team/route");
const assignTrade = await import("../trades/[id]/assign/route");
const stream = await import("./stream/route");
const directory = await import("../staff/directory/route");


const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1:3000${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
const get = (path: string) => new Request(`http://127.0.0.1:3000${path}`);

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

describe("alert routes", () => {
  it("answer 401 JSON without a session, and change nothing", async () => {
    const response = await acknowledge.POST(post(`/api/alerts/${ALERT_ID}/acknowledge`), ctx(ALERT_ID));
    expect(response.status).toBe(401);
    signInAs(STAFF);
    expect((await (await alerts.GET(get("/api/alerts"), undefined)).json()).openCount).toBe(1);
  });

  it("refuse a cross-site POST with 403", async () => {
    signInAs(STAFF);
    const response = await acknowledge.POST(post(`/api/alerts/${ALERT_ID}/acknowledge`, undefined, { "sec-fetch-site": "cross-site" }), ctx(ALERT_ID));
    expect(response.status).toBe(403);
  });

  it("list open alerts newest first with the open count and a cursor", async () => {
    signInAs(STAFF);
    const response = await alerts.GET(get("/api/alerts?state=open&limit=200"), undefined);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.alerts.map((alert: { id: string }) => alert.id)).toEqual([ALERT_ID]);
    expect(body.openCount).toBe(1);
    expect(body.cursor).toBeGreaterThan(0);
    expect((await alerts.GET(get("/api/alerts?state=soon"), undefined)).status).toBe(400);
  });

  it("acknowledge once changes it, twice is harmless, an unknown id is a 404 JSON", async () => {
    signInAs(STAFF);
    const first = await acknowledge.POST(post(`/api/alerts/${ALERT_ID}/acknowledge`), ctx(ALERT_ID));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ changed: true, alert: { id: ALERT_ID, acknowledgedBy: STAFF } });
    const second = await acknowledge.POST(post(`/api/alerts/${ALERT_ID}/acknowledge`), ctx(ALERT_ID));
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ changed: false });
    const unknown = await acknowledge.POST(post("/api/alerts/nope/acknowledge"), ctx("nope"));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it("acknowledge all counts what it acknowledged", async () => {
    signInAs(STAFF);
    expect(await (await acknowledgeAll.POST(post("/api/alerts/acknowledge-all"), undefined)).json()).toEqual({ acknowledged: 1 });
    expect(await (await acknowledgeAll.POST(post("/api/alerts/acknowledge-all"), undefined)).json()).toEqual({ acknowledged: 0 });
  });

  it("snooze takes 5..1440 minutes; assign takes an email or null", async () => {
    signInAs(STAFF);
    expect((await snooze.POST(post(`/api/alerts/${ALERT_ID}/snooze`, { minutes: 2 }), ctx(ALERT_ID))).status).toBe(400);
    const snoozed = await snooze.POST(post(`/api/alerts/${ALERT_ID}/snooze`, { minutes: 30 }), ctx(ALERT_ID));
    expect((await snoozed.json()).alert.snoozedUntil).not.toBeNull();
    const assigned = await assignAlert.POST(post(`/api/alerts/${ALERT_ID}/assign`, { assignee: STAFF }), ctx(ALERT_ID));
    expect((await assigned.json()).alert.assignee).toBe(STAFF);
    expect((await assignAlert.POST(post(`/api/alerts/${ALERT_ID}/assign`, { assignee: "x" }), ctx(ALERT_ID))).status).toBe(400);
    expect((await snooze.POST(post("/api/alerts/nope/snooze", { minutes: 30 }), ctx("nope"))).status).toBe(404);
  });
});

describe("trade team routes", () => {
  it("keep notes as plain text and list them with the trade's alerts and assignee", async () => {
    signInAs(STAFF);
    const added = await notes.POST(post("/api/trades/t-1/notes", { text: "  <img src=x onerror=alert(1)> called\n the user " }), ctx("t-1"));
    expect(added.status).toBe(200);
    expect((await added.json()).note).toMatchObject({ tradeId: "t-1", author: STAFF, text: "<img src=x onerror=alert(1)> called\n the user" });
    expect(await (await assignTrade.POST(post("/api/trades/t-1/assign", { assignee: STAFF }), ctx("t-1"))).json()).toEqual({ assignee: STAFF });
    const body = await (await team.GET(get("/api/trades/t-1/team"), ctx("t-1"))).json();
    expect(body.assignee).toBe(STAFF);
    expect(body.notes).toHaveLength(1);
    expect(body.alerts.map((alert: { id: string; assignee: string }) => [alert.id, alert.assignee])).toEqual([[ALERT_ID, STAFF]]);
  });

  it("refuse an empty, too long, control-character or malformed note with a clear 400", async () => {
    signInAs(STAFF);
    const cases: [unknown, RegExp][] = [
      [{ text: "   " }, /empty/],
      [{ text: "x".repeat(2_001) }, /at most 2000/],
      [{ text: "ring\u0007" }, /control characters/],
      [{}, /text/],
      ["not json", /JSON/],
    ];
    for (const [body, message] of cases) {
      const response = await notes.POST(post("/api/trades/t-1/notes", body), ctx("t-1"));
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toMatch(message);
    }
    const huge = await notes.POST(post("/api/trades/t-1/notes", { text: "x".repeat(20_000) }), ctx("t-1"));
    expect(huge.status).toBe(413);
    expect((await (await team.GET(get("/api/trades/t-1/team"), ctx("t-1"))).json()).notes).toEqual([]);
  });
});

describe("roles and the staff directory", () => {
  it("refuse every team action to a viewer with 403 and change nothing, while a viewer still reads", async () => {
    signInAs(VIEWER);
    const refused = [
      await acknowledge.POST(post(`/api/alerts/${ALERT_ID}/acknowledge`), ctx(ALERT_ID)),
      await acknowledgeAll.POST(post("/api/alerts/acknowledge-all"), undefined),
      await snooze.POST(post(`/api/alerts/${ALERT_ID}/snooze`, { minutes: 30 }), ctx(ALERT_ID)),
      await assignAlert.POST(post(`/api/alerts/${ALERT_ID}/assign`, { assignee: STAFF }), ctx(ALERT_ID)),
      await assignTrade.POST(post("/api/trades/t-1/assign", { assignee: STAFF }), ctx("t-1")),
      await notes.POST(post("/api/trades/t-1/notes", { text: "hello" }), ctx("t-1")),
    ];
    for (const response of refused) {
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe("forbidden");
    }
    const body = await (await team.GET(get("/api/trades/t-1/team"), ctx("t-1"))).json();
    expect(body).toMatchObject({ assignee: null, notes: [], alerts: [{ id: ALERT_ID, acknowledgedAt: null, assignee: null }] });
  });

  it("list the staff who can be assigned: operators and admins, not viewers", async () => {
    expect((await directory.GET(get("/api/staff/directory"), undefined)).status).toBe(401);
    signInAs(VIEWER);
    const response = await directory.GET(get("/api/staff/directory"), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      staff: [
        { email: ADMIN, role: "admin" },
        { email: STAFF, role: "operator" },
      ],
    });
  });

  it("assign only to someone in the directory (as the directory spells the email), or to nobody", async () => {
    signInAs(STAFF);
    for (const outsider of ["stranger@example.test", VIEWER]) {
      const trade = await assignTrade.POST(post("/api/trades/t-1/assign", { assignee: outsider }), ctx("t-1"));
      expect(trade.status).toBe(400);
      expect((await trade.json()).error).toMatchObject({ code: "unknown_assignee", message: expect.stringContaining(outsider) });
      const alert = await assignAlert.POST(post(`/api/alerts/${ALERT_ID}/assign`, { assignee: outsider }), ctx(ALERT_ID));
      expect(alert.status).toBe(400);
    }
    expect((await (await team.GET(get("/api/trades/t-1/team"), ctx("t-1"))).json()).assignee).toBeNull();

    const assigned = await assignTrade.POST(post("/api/trades/t-1/assign", { assignee: " Lead@Example.TEST " }), ctx("t-1"));
    expect(await assigned.json()).toEqual({ assignee: ADMIN });
    const alert = await assignAlert.POST(post(`/api/alerts/${ALERT_ID}/assign`, { assignee: null }), ctx(ALERT_ID));
    expect((await alert.json()).alert.assignee).toBeNull();
    expect(await (await assignTrade.POST(post("/api/trades/t-1/assign", { assignee: null }), ctx("t-1"))).json()).toEqual({ assignee: null });
  });
});

describe("alert stream", () => {
  async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, pattern: RegExp): Promise<string> {
    let text = "";
    const decoder = new TextDecoder();
    while (!pattern.test(text)) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    return text;
  }

  it("answers 401 without a session", async () => {
    expect((await stream.GET(get("/api/alerts/stream"), undefined)).status).toBe(401);
  });

  it("starts with a snapshot, then sends each change as an alert event with its version as id, and the count", async () => {
    signInAs(STAFF);
    const abort = new AbortController();
    const response = await stream.GET(new Request("http://127.0.0.1:3000/api/alerts/stream", { signal: abort.signal }), undefined);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await readUntil(reader, /event: snapshot\ndata: .*\n\n/);
    const snapshot = JSON.parse(/event: snapshot\ndata: (.*)\n/.exec(first)?.[1] ?? "null");
    expect(snapshot).toMatchObject({ openCount: 1, alerts: [{ id: ALERT_ID }] });
    await acknowledge.POST(post(`/api/alerts/${ALERT_ID}/acknowledge`), ctx(ALERT_ID));
    const next = await readUntil(reader, /event: count\ndata: .*\n\n/);
    const version = Number(/id: (\d+)\nevent: alert/.exec(next)?.[1]);
    expect(version).toBeGreaterThan(snapshot.cursor);
    expect(next).toContain('"acknowledgedBy":"ops@example.test"');
    expect(next).toContain('event: count\ndata: {"openCount":0}');
    abort.abort();
    await reader.cancel();
  }, 20_000);

  it("sends what changed after Last-Event-ID right after the snapshot", async () => {
    signInAs(STAFF);
    const before = (await (await alerts.GET(get("/api/alerts?state=all"), undefined)).json()).cursor as number;
    await acknowledge.POST(post(`/api/alerts/${ALERT_ID}/acknowledge`), ctx(ALERT_ID));
    const abort = new AbortController();
    const response = await stream.GET(
      new Request("http://127.0.0.1:3000/api/alerts/stream", { signal: abort.signal, headers: { "last-event-id": String(before) } }),
      undefined,
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const text = await readUntil(reader, /event: alert\ndata: .*\n\n/);
    expect(text).toContain(`"id":"${ALERT_ID}"`);
    abort.abort();
    await reader.cancel();
  }, 20_000);
});
