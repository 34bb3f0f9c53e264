// The saved-view routes as a browser meets them: the real handlers, session guard and store functions,
// on an in-memory PGlite store. Faked: the request's headers (next/headers), next-auth's reading of the
// session cookie, and where the store is (lib/db/team-source).
import bcrypt from "bcryptjs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signInAs, signOut } from "@/lib/auth/testing/fake-staff-request";
import { readAuditLog } from "@/lib/db/audit-log";
import type { Database } from "@/lib/db/database";
import { emptyFakeTeamStore, openFakeTeamStore } from "@/lib/db/testing/fake-team-source";

vi.mock("next/headers", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextHeadersModule());
vi.mock("@/lib/auth/next-auth", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextAuthModule());
vi.mock("@/lib/db/team-source", async (importOriginal) => (await import("@/lib/db/testing/fake-team-source")).fakeTeamSourceModule(importOriginal));

const OPERATOR = "ops@example.test";
const OTHER = "second@example.test";
const ADMIN = "lead@example.test";
const VIEWER = "watch@example.test";
vi.stubEnv("ASSETPAY_API_KEY", "ap_views_routes_test_key");
vi.stubEnv("ASSETPAY_API_URL", "http://127.0.0.1:4999");
vi.stubEnv("ASSETPAY_TOKEN_STEAM_ID", "76561198000000001");
vi.stubEnv("ASSETPAY_TOKEN_TRADE_URL", "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash");
vi.stubEnv("AUTH_SECRET", "views-routes-test-secret-0123456789abcdef");
const HASH = bcrypt.hashSync("unused", 4);
vi.stubEnv("STAFF_ACCOUNTS", `${OPERATOR}:${HASH},${OTHER}:operator:${HASH},${ADMIN}:admin:${HASH},${VIEWER}:viewer:${HASH}`);

const views = await import("./route");
const view = await import("./[id]/route");
const defaultView = await import("./default/route");

const BASE = "http://127.0.0.1:3000/api/views";
const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  new Request(`${BASE}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

interface ViewJson {
  id: string;
  owner: string;
  name: string;
  shared: boolean;
  query: string;
}

async function list(as: string): Promise<{ views: ViewJson[]; defaultViewId: string | null }> {
  signInAs(as);
  const response = await views.GET(new Request(BASE), undefined);
  expect(response.status).toBe(200);
  return response.json();
}

async function save(as: string, body: unknown): Promise<Response> {
  signInAs(as);
  return views.POST(send("POST", "", body), undefined);
}

async function saved(as: string, name: string, shared: boolean, query = "game=rust"): Promise<ViewJson> {
  const response = await save(as, { name, shared, query });
  expect(response.status).toBe(201);
  return ((await response.json()) as { view: ViewJson }).view;
}

openFakeTeamStore();
let db: Database;

beforeEach(async () => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  signOut();
  db = await emptyFakeTeamStore();
});

describe("saved view routes", () => {
  it("answer 401 JSON without a session and store nothing", async () => {
    const response = await views.POST(send("POST", "", { name: "x", shared: false, query: "" }), undefined);
    expect(response.status).toBe(401);
    expect((await views.GET(new Request(BASE), undefined)).status).toBe(401);
    expect((await list(OPERATOR)).views).toEqual([]);
  });

  it("refuse a cross-site change with 403", async () => {
    signInAs(OPERATOR);
    const response = await views.POST(send("POST", "", { name: "x", shared: false, query: "" }, { "sec-fetch-site": "cross-site" }), undefined);
    expect(response.status).toBe(403);
    expect((await list(OPERATOR)).views).toEqual([]);
  });

  it("store the board's canonical query, never the open trade or junk", async () => {
    const created = await saved(OPERATOR, "  Rust on hold  ", true, "?status=hold,nonsense,active&game=rust&trade=t-1&evil=%3Cscript%3E&stalled=1");
    expect(created).toMatchObject({ owner: OPERATOR, name: "Rust on hold", shared: true, query: "game=rust&status=active%2Chold&stalled=1" });
    expect((await list(OTHER)).views).toMatchObject([{ id: created.id, owner: OPERATOR, name: "Rust on hold", shared: true }]);
  });

  it("refuse bad names with 400 and a reason", async () => {
    for (const body of [{ name: "", shared: false, query: "" }, { name: "x".repeat(81), shared: false, query: "" }, { name: "a\u0007b", shared: false, query: "" }, { shared: false, query: "" }, "not json"]) {
      const response = await save(OPERATOR, body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_body");
    }
    expect((await save(OPERATOR, { name: "x".repeat(80), shared: false, query: "" })).status).toBe(201);
  });

  it("answer 409 JSON for a name the asker already uses, in any case", async () => {
    await saved(OPERATOR, "Stalled", false, "stalled=1");
    const response = await save(OPERATOR, { name: "STALLED", shared: false, query: "" });
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("duplicate_name");
    await saved(OTHER, "Stalled", false);
  });

  it("let a viewer save a personal view but not share one (403)", async () => {
    await saved(VIEWER, "Mine", false);
    const response = await save(VIEWER, { name: "For all", shared: true, query: "game=cs2" });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
    expect((await list(OPERATOR)).views).toEqual([]);
    expect((await list(VIEWER)).views.map((v) => v.name)).toEqual(["Mine"]);
  });

  it("list my views and the shared ones, never another's personal view", async () => {
    await saved(OPERATOR, "Shared one", true);
    await saved(OPERATOR, "Private one", false);
    await saved(OTHER, "Other's", false);
    expect((await list(OTHER)).views.map((v) => `${v.owner} ${v.name}`)).toEqual([`${OTHER} Other's`, `${OPERATOR} Shared one`]);
    expect((await list(VIEWER)).views.map((v) => v.name)).toEqual(["Shared one"]);
  });

  it("rename for the owner only (403 otherwise, 404 for a view one cannot see, 409 for a used name)", async () => {
    const shared = await saved(OPERATOR, "Shared", true);
    const personal = await saved(OPERATOR, "Personal", false);
    const rename = (as: string, id: string, name: unknown) => {
      signInAs(as);
      return view.PATCH(send("PATCH", `/${id}`, { name }), ctx(id));
    };
    expect((await rename(ADMIN, shared.id, "Taken over")).status).toBe(403);
    expect((await rename(OTHER, personal.id, "Mine")).status).toBe(404);
    expect((await rename(OPERATOR, shared.id, "personal")).status).toBe(409);
    expect((await rename(OPERATOR, shared.id, "")).status).toBe(400);
    const response = await rename(OPERATOR, shared.id, "Team view");
    expect(response.status).toBe(200);
    expect((await response.json()).view).toMatchObject({ id: shared.id, name: "Team view" });
  });

  it("delete for the owner; a shared one also for an admin, audited; never another's personal view", async () => {
    const shared = await saved(OPERATOR, "Shared", true, "status=failed");
    const personal = await saved(OPERATOR, "Personal", false);
    const remove = (as: string, id: string) => {
      signInAs(as);
      return view.DELETE(send("DELETE", `/${id}`), ctx(id));
    };
    expect((await remove(OTHER, shared.id)).status).toBe(403);
    expect((await remove(VIEWER, shared.id)).status).toBe(403);
    expect((await remove(ADMIN, personal.id)).status).toBe(404);
    expect((await remove(ADMIN, shared.id)).status).toBe(200);
    expect((await remove(ADMIN, shared.id)).status).toBe(404);
    expect((await remove(OPERATOR, personal.id)).status).toBe(200);
    expect((await remove(OPERATOR, "bad\u0000id")).status).toBe(400);
    expect((await list(OPERATOR)).views).toEqual([]);
    const audit = await readAuditLog(db, { actor: null, action: null, from: null, to: null, before: null, limit: 50 });
    expect(audit.entries.map((e) => [e.action, e.actor, e.subject])).toEqual([
      ["shared-view-deleted", ADMIN, "Shared"],
      ["shared-view-created", OPERATOR, "Shared"],
    ]);
  });

  it("set and clear my default view, among the views I can see", async () => {
    const shared = await saved(OPERATOR, "Shared", true);
    const personal = await saved(OPERATOR, "Personal", false);
    const choose = (as: string, viewId: unknown) => {
      signInAs(as);
      return defaultView.PUT(send("PUT", "/default", { viewId }), undefined);
    };
    expect((await choose(VIEWER, personal.id)).status).toBe(404);
    expect((await choose(VIEWER, 42)).status).toBe(400);
    const chosen = await choose(VIEWER, shared.id);
    expect(chosen.status).toBe(200);
    expect(await chosen.json()).toEqual({ defaultViewId: shared.id });
    expect((await list(VIEWER)).defaultViewId).toBe(shared.id);
    expect((await list(OPERATOR)).defaultViewId).toBeNull();
    expect((await choose(VIEWER, null)).status).toBe(200);
    expect((await list(VIEWER)).defaultViewId).toBeNull();
  });
});
