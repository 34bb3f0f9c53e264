// The routes that answer with AssetPay trade payloads — the page-load snapshot and a resync — as each
// role gets them: a viewer never receives a Steam trade URL, an operator does. Faked: the request's
// headers (next/headers), next-auth's reading of the session cookie, and the recorded data.
import bcrypt from "bcryptjs";
import { describe, expect, it, vi } from "vitest";
import { signInAs } from "@/lib/auth/testing/fake-staff-request";

const TRADE_URL = "https://steamcommunity.com/tradeoffer/new/?partner=1&token=abcdefgh";
const PAYLOAD = { id: "t-1", status: "active", clientSteamID: "76561198000000002", clientTradeUrl: TRADE_URL };

vi.mock("next/headers", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextHeadersModule());
vi.mock("@/lib/auth/next-auth", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextAuthModule());
vi.mock("@/lib/db/recorded-source", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/recorded-source")>()),
  recordedSource: () => ({
    snapshot: async () => ({ at: "2026-12-06T12:00:00.000Z", trades: [{ payload: { ...PAYLOAD }, history: [] }], funding: [], truncated: false }),
    resync: async () => ({ trades: [{ ...PAYLOAD }], funding: [], missing: 0, missingIds: [] }),
    requestReconcile: async () => true,
  }),
}));

const VIEWER = "watch@example.test";
const OPERATOR = "ops@example.test";
const HASH = bcrypt.hashSync("unused", 4);
vi.stubEnv("ASSETPAY_API_KEY", "ap_trade_answer_test_key");
vi.stubEnv("ASSETPAY_TOKEN_STEAM_ID", "76561198000000001");
vi.stubEnv("ASSETPAY_TOKEN_TRADE_URL", "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash");
vi.stubEnv("AUTH_SECRET", "trade-answer-test-secret-0123456789abcdef");
vi.stubEnv("STAFF_ACCOUNTS", `${VIEWER}:viewer:${HASH},${OPERATOR}:operator:${HASH}`);

const snapshot = await import("./route");
const resync = await import("../assetpay/resync/route");

const ORIGIN = { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "sec-fetch-site": "same-origin", "content-type": "application/json" };
const resyncRequest = () => new Request("http://127.0.0.1:3000/api/assetpay/resync", { method: "POST", headers: ORIGIN, body: JSON.stringify({ tradeIds: ["t-1"] }) });

describe("trade payloads by role", () => {
  it("the snapshot carries no trade URL for a viewer, and the whole payload for an operator", async () => {
    signInAs(VIEWER);
    const forViewer = await snapshot.GET(new Request("http://127.0.0.1:3000/api/snapshot"), undefined);
    expect(forViewer.status).toBe(200);
    const viewerText = await forViewer.text();
    expect(viewerText).not.toContain("clientTradeUrl");
    expect(JSON.parse(viewerText).trades[0].payload).toEqual({ id: "t-1", status: "active", clientSteamID: "76561198000000002" });

    signInAs(OPERATOR);
    const forOperator = await (await snapshot.GET(new Request("http://127.0.0.1:3000/api/snapshot"), undefined)).json();
    expect(forOperator.trades[0].payload).toEqual(PAYLOAD);
  });

  it("a resync carries no trade URL for a viewer, and the whole payload for an operator", async () => {
    signInAs(VIEWER);
    const forViewer = await resync.POST(resyncRequest(), undefined);
    expect(forViewer.status).toBe(200);
    const viewerBody = await forViewer.json();
    expect(viewerBody.trades).toEqual([{ id: "t-1", status: "active", clientSteamID: "76561198000000002" }]);
    expect(viewerBody.reconciled).toBe(true);

    signInAs(OPERATOR);
    expect((await (await resync.POST(resyncRequest(), undefined)).json()).trades).toEqual([PAYLOAD]);
  });
});
