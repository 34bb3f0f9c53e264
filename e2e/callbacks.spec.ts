// Forwarded callbacks as a merchant runs them: the recorder's socket is held down (every AssetPay deploy
// does that), a trade starts and stalls meanwhile, and only AssetPay's signed callback — forwarded by
// the merchant's backend, played here by the simulator — tells the dashboard. A freshly opened board
// shows it. Forged, stale and replayed callbacks are refused or ignored, with nothing recorded twice.
import { rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { signatureHeader } from "../lib/assetpay/callback-signature";
import { expectLive, tradeRow } from "./support/board";
import { e2eEnv } from "./support/env";
import { sharedSimulator } from "./support/extra-apps";
import { expect, signInAt, test } from "./support/fixtures";
import { startAppProcess, type RunningProcess } from "./support/processes";
import { type RunningRecorderProcess, recorderEnv, startRecorderProcess, tempRecorderDir } from "./support/recorder";
import { type SimTrade, simRequest } from "./support/sim-control";

const TOKEN = randomBytes(32).toString("base64url");

interface Snapshot {
  trades: { payload: { id: string; status: string }; history: { status: string }[] }[];
}

async function recorded(request: APIRequestContext, appUrl: string, id: string): Promise<Snapshot["trades"][number] | undefined> {
  const response = await request.get(`${appUrl}/api/snapshot`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as Snapshot).trades.find((trade) => trade.payload.id === id);
}

function post(appUrl: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${appUrl}/api/assetpay/callbacks`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
}

function signedHeaders(body: string, options: { id: string; t?: string; secret?: string }): Record<string, string> {
  const t = options.t ?? new Date().toISOString();
  return { authorization: `Bearer ${TOKEN}`, "x-assetpay-signature": signatureHeader(options.secret ?? sharedSimulator().apiSecret, options.id, t, Buffer.from(body)) };
}

test.describe("forwarded AssetPay callbacks", () => {
  let dataDir = "";
  let recorder: RunningRecorderProcess | null = null;
  let app: RunningProcess | null = null;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const simulator = sharedSimulator();
    dataDir = tempRecorderDir("callbacks");
    recorder = await startRecorderProcess("callbacks-recorder", { simulator, storage: { dataDir } });
    app = await startAppProcess("callbacks-app", {
      simulator,
      staffAccounts: e2eEnv("E2E_STAFF_ACCOUNTS"),
      localSigning: true,
      extraEnv: { ...recorderEnv({ dataDir }), CALLBACK_FORWARD_TOKEN: TOKEN },
    });
  });

  test.afterAll(async () => {
    await simRequest("POST", "/__sim/sockets/api-key", { refuse: false }).catch(() => undefined);
    await simRequest("POST", "/__sim/callbacks", { url: null }).catch(() => undefined);
    await app?.stop();
    await recorder?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test("a trade that stalled while the recorder's socket was down reaches a fresh board through the callback", async ({ page }) => {
    test.setTimeout(120_000);
    const appUrl = app?.url ?? "";
    await signInAt(page, appUrl);
    const request = page.request;
    // The recorder's socket is refused from now on; only callbacks can tell it anything.
    await simRequest("POST", "/__sim/sockets/api-key", { refuse: true });
    await simRequest("POST", "/__sim/callbacks", { url: `${appUrl}/api/assetpay/callbacks`, bearer: TOKEN });
    const trade = await simRequest<SimTrade>("POST", "/__sim/trades", { status: "active", ageSeconds: 3 * 3600, stall: true });

    await expect.poll(async () => (await recorded(request, appUrl, trade.id))?.payload.status, { timeout: 20_000 }).toBe("active");
    await page.goto(`${appUrl}/board`);
    await expectLive(page);
    await page.getByLabel("Search trades").fill(trade.id);
    await expect(tradeRow(page, trade.id)).toBeVisible();
    await expect(tradeRow(page, trade.id)).toHaveAttribute("data-stalled", "true");
  });

  test("forged, stale and replayed callbacks are refused, with nothing recorded", async ({ page }) => {
    const appUrl = app?.url ?? "";
    await signInAt(page, appUrl);
    const request = page.request;
    await simRequest("POST", "/__sim/callbacks", { url: null });
    const trade = await simRequest<SimTrade>("POST", "/__sim/trades", { status: "hold", stall: true });
    const truth = await simRequest<{ trades: Record<string, unknown>[] }>("GET", `/__sim/state?ids=${trade.id}`);
    const body = JSON.stringify({ trade: truth.trades[0] });

    const forged = await post(appUrl, body, signedHeaders(body, { id: "dlv_forged", secret: "not-the-merchant-secret-000" }));
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ error: { code: "bad_signature" } });
    const stale = await post(appUrl, body, signedHeaders(body, { id: "dlv_stale", t: new Date(Date.now() - 10 * 60_000).toISOString() }));
    expect(stale.status).toBe(400);
    const noBearer = await post(appUrl, body, { "x-assetpay-signature": signedHeaders(body, { id: "dlv_nobearer" })["x-assetpay-signature"] ?? "" });
    expect(noBearer.status).toBe(401);
    expect(await recorded(request, appUrl, trade.id)).toBeUndefined();

    const id = `dlv_${randomBytes(8).toString("hex")}`;
    expect((await post(appUrl, body, signedHeaders(body, { id }))).status).toBe(202);
    const first = await recorded(request, appUrl, trade.id);
    expect(first?.history.map((step) => step.status)).toEqual(["hold"]);
    const replay = await post(appUrl, body, signedHeaders(body, { id }));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ outcome: "duplicate" });
    expect((await recorded(request, appUrl, trade.id))?.history).toEqual(first?.history);
  });
});
