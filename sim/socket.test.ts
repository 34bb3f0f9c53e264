// Conformance of the Socket.IO side with docs/assetpay-api.md#socket and the SDK's description: websocket only, credentials in
// the handshake query, a silent server disconnect for bad or expired credentials, expiry while
// connected, and the control API's token expiry and socket drop.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "./server";
import { api, connectSocket, control, sleep, startTestSim, waitFor, within, type TestSocket } from "./testing/helpers";
import { fundingSchema, tradeSchema } from "./testing/wire-schemas";
import { signClientToken } from "./token";

let sim: RunningSimulator;
const open: TestSocket[] = [];
function connect(query: Record<string, string>, transports?: string[]): TestSocket {
  const s = connectSocket(sim, query, transports);
  open.push(s);
  return s;
}

beforeAll(async () => {
  // A steady trickle of real events: a socket that ever sat in the merchant room would catch some.
  sim = await startTestSim({ rate: 40, speed: 600, initialTrades: 50, seed: "socket-suite" });
});
afterAll(async () => {
  for (const s of open) s.close();
  await sim.close();
});

async function expectServerDisconnectWithoutEvents(s: TestSocket): Promise<void> {
  expect(await within(s.disconnected, 10_000)).toBe("io server disconnect");
  await sleep(300);
  expect(s.events).toEqual([]);
}

describe("socket authentication", () => {
  it("a valid client token joins the merchant room and receives trade, deposit and withdrawal events", async () => {
    const s = connect({ token: await sim.mintToken() });
    expect(await s.connected).toBe(true);
    const trade = await control(sim, "trades", { status: "active", externalId: "ord_sock_1" });
    const deposit = await control(sim, "funding", { kind: "deposit" });
    const withdrawal = await control(sim, "funding", { kind: "withdrawal", status: "PENDING_ADMIN" });
    await waitFor(() => s.events.some((e) => e.event === "trade" && e.payload.trade.id === trade.id), 10_000, "trade event");
    await waitFor(() => s.events.some((e) => e.event === "deposit" && e.payload.funding.id === deposit.id), 10_000, "deposit event");
    await waitFor(() => s.events.some((e) => e.event === "withdrawal" && e.payload.funding.id === withdrawal.id), 10_000, "withdrawal event");
    for (const e of s.events) {
      expect(["trade", "deposit", "withdrawal"]).toContain(e.event);
      if (e.event === "trade") tradeSchema.parse(e.payload.trade);
      else fundingSchema.parse(e.payload.funding);
    }
  });

  it("a token from the REST endpoint works too", async () => {
    const minted = await api(sim, "/auth/authenticate-client", {
      body: { clientSteamId: "76561198012345678", clientTradeUrl: "https://steamcommunity.com/tradeoffer/new/?partner=52079950&token=Xy_9-aBc" },
    });
    const s = connect({ token: minted.body.data.token });
    expect(await s.connected).toBe(true);
    await waitFor(() => s.events.length > 0, 10_000, "any event");
  });

  it("the merchant apiKey in the query works", async () => {
    const s = connect({ apiKey: sim.apiKey });
    expect(await s.connected).toBe(true);
    await waitFor(() => s.events.length > 0, 10_000, "any event");
  });

  it("a forged token (wrong secret) is disconnected by the server and gets no event", async () => {
    const forged = await signClientToken(
      { merchantId: sim.merchantId, steamId: "76561198000000001", tradeUrl: "https://steamcommunity.com/tradeoffer/new/?partner=1&token=abcdefgh", ttlSeconds: 3600, nowMs: Date.now() },
      "not-the-merchant-secret-at-all",
    );
    await expectServerDisconnectWithoutEvents(connect({ token: forged }));
  });

  it("an expired token is disconnected by the server and gets no event", async () => {
    await expectServerDisconnectWithoutEvents(connect({ token: await sim.mintToken({ ttlSeconds: -5 }) }));
  });

  it("a wrong apiKey, garbage token or no credential is disconnected the same way", async () => {
    await expectServerDisconnectWithoutEvents(connect({ apiKey: "ap_wrong_key_000" }));
    await expectServerDisconnectWithoutEvents(connect({ token: "abc.def.ghi" }));
    await expectServerDisconnectWithoutEvents(connect({}));
  });

  it("refuses the polling transport", async () => {
    const s = connect({ apiKey: sim.apiKey }, ["polling"]);
    expect(await s.connected).toBe(false);
    const raw = await fetch(`${sim.url}/socket.io/?EIO=4&transport=polling`);
    expect(raw.status).toBe(400);
  });
});

describe("token lifetime", () => {
  it("a connected socket is disconnected by the server when its token expires", async () => {
    const s = connect({ token: await sim.mintToken({ ttlSeconds: 2 }) });
    expect(await s.connected).toBe(true);
    const started = Date.now();
    expect(await within(s.disconnected, 10_000)).toBe("io server disconnect");
    expect(Date.now() - started).toBeGreaterThan(500); // it was connected for real, then cut at expiry
    expect(s.events.length).toBeGreaterThan(0);
  });

  it("with disconnectOnExpiry off the socket stays open past expiry", async () => {
    const lenient = await startTestSim({ disconnectOnExpiry: false });
    const s = connectSocket(lenient, { token: await lenient.mintToken({ ttlSeconds: 1 }) });
    try {
      expect(await s.connected).toBe(true);
      expect(await within(s.disconnected, 2_500)).toBe("timeout");
      expect(s.socket.connected).toBe(true);
    } finally {
      s.close();
      await lenient.close();
    }
  });

  it("POST /__sim/tokens/expire cuts every token socket, refuses old tokens, accepts new ones; apiKey sockets stay", async () => {
    const oldToken = await sim.mintToken();
    const byToken = connect({ token: oldToken });
    const byKey = connect({ apiKey: sim.apiKey });
    expect(await byToken.connected).toBe(true);
    expect(await byKey.connected).toBe(true);

    const result = await control(sim, "tokens/expire");
    expect(result.disconnected).toBeGreaterThanOrEqual(1);
    expect(await within(byToken.disconnected, 10_000)).toBe("io server disconnect");

    await expectServerDisconnectWithoutEvents(connect({ token: oldToken }));

    // JWTs are deterministic: the same claims in the same second give the very same (revoked) token,
    // so the fresh one differs by clientId, as a real re-mint a moment later would differ by iat.
    const fresh = connect({ token: await sim.mintToken({ clientId: "after-expire" }) });
    expect(await fresh.connected).toBe(true);
    await waitFor(() => fresh.events.length > 0, 10_000, "event on fresh token");
    expect(byKey.socket.connected).toBe(true);
  });

  it("POST /__sim/sockets/drop disconnects every socket from the server side", async () => {
    const a = connect({ apiKey: sim.apiKey });
    const b = connect({ token: await sim.mintToken() });
    expect(await a.connected).toBe(true);
    expect(await b.connected).toBe(true);
    const result = await control(sim, "sockets/drop");
    expect(result.disconnected).toBeGreaterThanOrEqual(2);
    expect(await within(a.disconnected, 10_000)).toBe("io server disconnect");
    expect(await within(b.disconnected, 10_000)).toBe("io server disconnect");
  });
});
