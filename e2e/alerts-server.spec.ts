// Alerts raised by the server, as staff and their chat tool meet them: a trade made stalled through
// the simulator raises an alert with no browser open, the webhook receiver (a local HTTP server this
// spec starts) gets it once, a signed-in client lists it and acknowledges it (twice is harmless); and
// with two dashboards on one PostgreSQL the alert is raised once, acknowledged on A, seen acknowledged
// on B within 5 s, and delivered once.
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIRequestContext, Browser } from "@playwright/test";
import { postgresAvailability, startThrowawayPostgres, type PostgresCluster } from "../lib/db/testing/postgres-cluster";
import { e2eEnv } from "./support/env";
import { sharedSimulator } from "./support/extra-apps";
import { expect, signInAt, test } from "./support/fixtures";
import { startAppProcess, type RunningProcess } from "./support/processes";
import { type RecorderStorage, type RunningRecorderProcess, recorderEnv, startRecorderProcess, tempRecorderDir } from "./support/recorder";
import { type SimTrade, simRequest } from "./support/sim-control";

interface Delivery {
  text: string;
  url: string;
  alert: { id: string; kind: string; tradeId: string | null };
}

interface AlertBody {
  id: string;
  kind: string;
  tradeId: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

/** A local webhook target that keeps every JSON body it is sent. */
async function startReceiver(): Promise<{ url: string; deliveries: Delivery[]; close(): Promise<void> }> {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      try {
        deliveries.push(JSON.parse(body) as Delivery);
      } catch {
        // not ours to judge; counted by nobody
      }
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    deliveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const forTrade = (deliveries: Delivery[], tradeId: string) => deliveries.filter((delivery) => delivery.alert.tradeId === tradeId);

async function startPair(label: string, storage: RecorderStorage, webhookUrl: string): Promise<{ app: RunningProcess; recorder: RunningRecorderProcess }> {
  const simulator = sharedSimulator();
  const recorder = await startRecorderProcess(`${label}-recorder`, { simulator, storage, extraEnv: { ALERT_WEBHOOK_URL: webhookUrl, DASHBOARD_URL: "http://ops.example" } });
  try {
    const app = await startAppProcess(`${label}-app`, { simulator, staffAccounts: e2eEnv("E2E_STAFF_ACCOUNTS"), extraEnv: recorderEnv(storage) });
    return { app, recorder };
  } catch (error) {
    await recorder.stop();
    throw error;
  }
}

function stalledTrade(): Promise<SimTrade> {
  return simRequest<SimTrade>("POST", "/__sim/trades", { stall: true, status: "active", ageSeconds: 1800 });
}

async function signedInRequest(browser: Browser, appUrl: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAt(page, appUrl);
  await page.close();
  return context.request;
}

async function alertsOf(request: APIRequestContext, appUrl: string, state: "open" | "all"): Promise<AlertBody[]> {
  const response = await request.get(`${appUrl}/api/alerts?state=${state}&limit=500`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { alerts: AlertBody[] }).alerts;
}

test("a stalled trade raises an alert with no browser open, delivered once to the webhook, listed and acknowledged (twice is harmless)", async ({ browser }) => {
  test.setTimeout(240_000);
  const receiver = await startReceiver();
  const storage = { dataDir: tempRecorderDir("alerts") };
  const pair = await startPair("alerts", storage, receiver.url);
  try {
    const trade = await stalledTrade();
    await expect(() => expect(forTrade(receiver.deliveries, trade.id)).toHaveLength(1)).toPass({ timeout: 15_000 });
    const [delivery] = forTrade(receiver.deliveries, trade.id);
    expect(delivery?.alert.kind).toBe("stalled");
    expect(delivery?.text).toContain(`Stalled: CS2 trade ${trade.id} — `);
    expect(delivery?.text).toContain(`<http://ops.example/board?trade=${encodeURIComponent(trade.id)}>`);

    const request = await signedInRequest(browser, pair.app.url);
    const listed = (await alertsOf(request, pair.app.url, "open")).find((alert) => alert.tradeId === trade.id);
    expect(listed).toMatchObject({ kind: "stalled", acknowledgedAt: null });
    const id = encodeURIComponent(listed?.id ?? "");
    const first = await request.post(`${pair.app.url}/api/alerts/${id}/acknowledge`);
    expect(first.status()).toBe(200);
    expect(await first.json()).toMatchObject({ changed: true, alert: { acknowledgedBy: e2eEnv("E2E_STAFF_EMAIL") } });
    const second = await request.post(`${pair.app.url}/api/alerts/${id}/acknowledge`);
    expect(second.status()).toBe(200);
    expect(await second.json()).toMatchObject({ changed: false });
    const unknown = await request.post(`${pair.app.url}/api/alerts/no-such-alert/acknowledge`);
    expect(unknown.status()).toBe(404);
    expect((await alertsOf(request, pair.app.url, "open")).some((alert) => alert.tradeId === trade.id)).toBe(false);

    // Several more passes of the worker and the webhook: still one alert and one delivery.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    expect((await alertsOf(request, pair.app.url, "all")).filter((alert) => alert.tradeId === trade.id)).toHaveLength(1);
    expect(forTrade(receiver.deliveries, trade.id)).toHaveLength(1);
  } finally {
    await pair.app.stop();
    await pair.recorder.stop();
    await receiver.close();
    rmSync(storage.dataDir, { recursive: true, force: true });
  }
});

test.describe("two dashboards on one PostgreSQL", () => {
  const availability = postgresAvailability();
  let cluster: PostgresCluster | null = null;
  const started: { app: RunningProcess; recorder: RunningRecorderProcess }[] = [];

  test.beforeAll(async () => {
    if (!availability.ok && process.env.CI) throw new Error(`PostgreSQL is required in CI: ${availability.reason}`);
  });

  test.afterAll(async () => {
    for (const pair of started.splice(0)) {
      await pair.app.stop();
      await pair.recorder.stop();
    }
    await cluster?.stop();
  });

  test("raise an alert once, deliver it once, and an acknowledgement on A reads as acknowledged on B within 5 s", async ({ browser }) => {
    test.skip(!availability.ok, availability.ok ? "" : `SKIPPED: PostgreSQL unavailable — ${availability.reason}`);
    test.setTimeout(300_000);
    const receiver = await startReceiver();
    try {
      cluster = await startThrowawayPostgres();
      const storage = { databaseUrl: await cluster.createDatabase("e2e_alerts") };
      started.push(await startPair("alerts-a", storage, receiver.url));
      started.push(await startPair("alerts-b", storage, receiver.url));
      const [a, b] = started as [(typeof started)[number], (typeof started)[number]];

      const trade = await stalledTrade();
      await expect(() => expect(forTrade(receiver.deliveries, trade.id)).toHaveLength(1)).toPass({ timeout: 15_000 });

      const [onA, onB] = [await signedInRequest(browser, a.app.url), await signedInRequest(browser, b.app.url)];
      const listedA = (await alertsOf(onA, a.app.url, "all")).filter((alert) => alert.tradeId === trade.id);
      const listedB = (await alertsOf(onB, b.app.url, "all")).filter((alert) => alert.tradeId === trade.id);
      expect(listedA).toHaveLength(1);
      expect(listedB.map((alert) => alert.id)).toEqual(listedA.map((alert) => alert.id));

      const id = listedA[0]?.id ?? "";
      expect(await (await onA.post(`${a.app.url}/api/alerts/${encodeURIComponent(id)}/acknowledge`)).json()).toMatchObject({ changed: true });
      await expect(async () => {
        const seen = (await alertsOf(onB, b.app.url, "all")).find((alert) => alert.id === id);
        expect(seen?.acknowledgedAt).not.toBeNull();
        expect(seen?.acknowledgedBy).toBe(e2eEnv("E2E_STAFF_EMAIL"));
      }).toPass({ timeout: 5_000 });

      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(forTrade(receiver.deliveries, trade.id)).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});
