// Sessions you can end, tried as the attacks they stop: a cookie copied before sign-out is refused on
// both instances of a two-instance run (and after one restarts); a junk cookie sent beside a valid one
// never becomes a credential of its own; when one tab signs out, the other tabs of that browser stop
// streaming at once; an admin ends an operator's sessions on /staff and the operator's page (served by
// the other instance) goes signed-out, while a non-admin is refused.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { APIRequestContext, BrowserContext } from "@playwright/test";
import { request as playwrightRequest } from "@playwright/test";
import { postgresAvailability, startThrowawayPostgres, type PostgresCluster } from "../lib/db/testing/postgres-cluster";
import { connectionBanner, expectLive, openLiveBoard } from "./support/board";
import { e2eEnv } from "./support/env";
import { sharedSimulator } from "./support/extra-apps";
import { expect, signInAt, test } from "./support/fixtures";
import { type RunningProcess, startAppProcess } from "./support/processes";
import { type RecorderStorage, type RunningRecorderProcess, recorderEnv, startRecorderProcess } from "./support/recorder";

const SESSION_COOKIE = "authjs.session-token";

/** The session cookie a signed-in browser context holds, as `name=value` for a Cookie header. */
async function sessionCookieOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error("no session cookie after sign-in");
  return `${cookie.name}=${cookie.value}`;
}

/** What a script replaying `cookie` gets from the snapshot and the token route. */
async function replay(api: APIRequestContext, appUrl: string, cookie: string): Promise<[number, number]> {
  const snapshot = await api.get(`${appUrl}/api/snapshot`, { headers: { cookie } });
  const token = await api.post(`${appUrl}/api/assetpay/token`, { headers: { cookie } });
  return [snapshot.status(), token.status()];
}

test.describe("one browser's own session", () => {
  test("a junk __Secure- cookie sent beside a valid session cookie is never accepted on its own", async ({ browser, baseURL, request }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAt(page, baseURL ?? "");
    const valid = await sessionCookieOf(context);
    await context.close();

    const both = await request.get("/api/snapshot", { headers: { cookie: `__Secure-${SESSION_COOKIE}=alias-X; ${valid}` } });
    expect(both.status()).toBe(200);
    const alias = await request.get("/api/snapshot", { headers: { cookie: `__Secure-${SESSION_COOKIE}=alias-X` } });
    expect(alias.status()).toBe(401);
    const aliasToken = await request.post("/api/assetpay/token", { headers: { cookie: `__Secure-${SESSION_COOKIE}=alias-X` } });
    expect(aliasToken.status()).toBe(401);
  });

  test("signing out in one tab stops the other tab's stream within seconds", async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext();
    try {
      const first = await context.newPage();
      await openLiveBoard(first, baseURL ?? "");
      const second = await context.newPage();
      const sockets: { isClosed(): boolean }[] = [];
      second.on("websocket", (socket) => sockets.push(socket));
      await second.goto(`${baseURL ?? ""}/board`);
      await expectLive(second);
      expect(sockets.length).toBeGreaterThan(0);

      await first.getByRole("button", { name: "Sign out", exact: true }).click();
      await expect(connectionBanner(second)).toHaveAttribute("data-state", "signed-out", { timeout: 5_000 });
      // No further socket traffic: every socket the tab opened is closed, and no new one opens.
      await expect(() => expect(sockets.every((socket) => socket.isClosed())).toBe(true)).toPass({ timeout: 3_000 });
      const opened = sockets.length;
      await expect(first).toHaveURL(/\/sign-in/);
      await second.waitForTimeout(2_000);
      expect(sockets.length).toBe(opened);
    } finally {
      await context.close();
    }
  });
});

test.describe("two dashboards on one PostgreSQL", () => {
  test.describe.configure({ mode: "serial" });
  const availability = postgresAvailability();
  const authSecret = randomBytes(32).toString("base64url");
  // The shared run's operator account (read once the global setup has made it), and an admin of our own.
  const operator = { email: "", password: "" };
  const admin = { email: "admin@example.test", password: `pw-${randomBytes(6).toString("hex")}` };
  let cluster: PostgresCluster | null = null;
  let storage: RecorderStorage | null = null;
  const recorders: RunningRecorderProcess[] = [];
  const apps: RunningProcess[] = [];
  let api: APIRequestContext;

  const startApp = (label: string) =>
    startAppProcess(label, {
      simulator: sharedSimulator(),
      staffAccounts: `${operator.email}:${bcrypt.hashSync(operator.password, 4)},${admin.email}:admin:${bcrypt.hashSync(admin.password, 4)}`,
      extraEnv: { ...recorderEnv(storage as RecorderStorage), AUTH_SECRET: authSecret },
    });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    if (!availability.ok) {
      if (process.env.CI) throw new Error(`PostgreSQL is required in CI: ${availability.reason}`);
      return;
    }
    Object.assign(operator, { email: e2eEnv("E2E_STAFF_EMAIL"), password: e2eEnv("E2E_STAFF_PASSWORD") });
    api = await playwrightRequest.newContext();
    cluster = await startThrowawayPostgres();
    storage = { databaseUrl: await cluster.createDatabase("e2e_sessions") };
    // The recorder claims the store for this merchant; the apps read and write sessions in PostgreSQL themselves.
    recorders.push(await startRecorderProcess("sessions-recorder", { simulator: sharedSimulator(), storage }));
    apps.push(await startApp("sessions-a"), await startApp("sessions-b"));
  });

  test.afterAll(async () => {
    await api?.dispose();
    for (const app of apps.splice(0)) await app.stop();
    for (const recorder of recorders.splice(0)) await recorder.stop();
    await cluster?.stop();
  });

  test("a cookie copied before sign-out gets 401 on both instances, also after one restarts", async ({ browser }) => {
    test.skip(!availability.ok, availability.ok ? "" : `SKIPPED: PostgreSQL unavailable — ${availability.reason}`);
    test.setTimeout(180_000);
    const [a, b] = apps as [RunningProcess, RunningProcess];
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAt(page, a.url, operator.email, operator.password);
    const copied = await sessionCookieOf(context);
    expect(await replay(api, a.url, copied)).toEqual([200, 200]);
    expect(await replay(api, b.url, copied)).toEqual([200, 200]);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();

    await expect(async () => expect(await replay(api, a.url, copied)).toEqual([401, 401])).toPass({ timeout: 5_000 });
    await expect(async () => expect(await replay(api, b.url, copied)).toEqual([401, 401])).toPass({ timeout: 5_000 });

    await b.stop();
    apps[1] = await startApp("sessions-b-restarted");
    expect(await replay(api, (apps[1] as RunningProcess).url, copied)).toEqual([401, 401]);
  });

  test("an admin ends an operator's sessions on /staff and the operator's page on the other instance goes signed-out; a non-admin is refused", async ({ browser }) => {
    test.skip(!availability.ok, availability.ok ? "" : `SKIPPED: PostgreSQL unavailable — ${availability.reason}`);
    test.setTimeout(180_000);
    const [a, b] = apps as [RunningProcess, RunningProcess];
    const operatorContext = await browser.newContext();
    const adminContext = await browser.newContext();
    try {
      const board = await operatorContext.newPage();
      await signInAt(board, b.url, operator.email, operator.password);
      await expectLive(board);

      // Not an admin: the page says so, and the API refuses with 403 JSON.
      const notAdmin = await operatorContext.newPage();
      await notAdmin.goto(`${b.url}/staff`);
      await expect(notAdmin.getByText("This page is for admins")).toBeVisible();
      const refused = await notAdmin.request.post(`${b.url}/api/staff/sessions/end`, { data: { email: admin.email } });
      expect(refused.status()).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("forbidden");
      await notAdmin.close();

      const staffPage = await adminContext.newPage();
      await signInAt(staffPage, a.url, admin.email, admin.password);
      await staffPage.goto(`${a.url}/staff`);
      const table = staffPage.getByRole("table", { name: "Staff sessions" });
      const operatorRow = table.getByRole("row").filter({ hasText: operator.email }).first();
      await expect(operatorRow).toBeVisible();
      await operatorRow.getByRole("button", { name: "End sessions" }).click();
      await expect(staffPage.getByText(`of ${operator.email}`)).toBeVisible();

      await expect(connectionBanner(board)).toHaveAttribute("data-state", "signed-out", { timeout: 20_000 });
      await expect(table.getByRole("row").filter({ hasText: operator.email })).toHaveCount(0);
      await expect(table.getByRole("row").filter({ hasText: admin.email })).not.toHaveCount(0);
    } finally {
      await operatorContext.close();
      await adminContext.close();
    }
  });
});
