// Conformance of the REST surface with the API doc: envelope, authentication, validation, the
// documented error keys/codes/statuses, trade reads, wallet and ledger.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "./server";
import { api, control, startTestSim } from "./testing/helpers";
import { errorSchema, fundingSchema, successSchema, tradeSchema } from "./testing/wire-schemas";
import { verifyClientToken } from "./token";

const steamId = "76561198012345678";
const tradeUrl = "https://steamcommunity.com/tradeoffer/new/?partner=52079950&token=Xy_9-aBc";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSim({ initialTrades: 400, seed: "rest-suite" });
});
afterAll(() => sim.close());

function expectError(result: { status: number; body: unknown }, status: number, key: string, code: number) {
  const body = errorSchema.parse(result.body);
  expect(result.status).toBe(status);
  expect(body.error.key).toBe(key);
  expect(body.error.code).toBe(code);
  return body.error;
}

describe("POST /auth/authenticate-client", () => {
  it("returns data.token, an HS256 token for this merchant and user signed with the API secret", async () => {
    const result = await api(sim, "/auth/authenticate-client", {
      body: { clientSteamId: steamId, clientTradeUrl: tradeUrl, clientId: "user_42", clientData: { kycLevel: 2, totalWager: 1200.5 } },
    });
    expect(result.status).toBe(200);
    const body = successSchema.parse(result.body);
    expect(Object.keys(body.data as object)).toEqual(["token"]);
    const verified = await verifyClientToken(result.body.data.token, sim.apiSecret, Date.now());
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.merchantId).toBe(sim.merchantId);
    expect(verified.payload.client).toEqual({ steamID: steamId, tradeUrl, clientId: "user_42", clientData: { kycLevel: 2, totalWager: 1200.5 } });
    expect(verified.payload.exp - verified.payload.iat).toBe(86_400);
  });

  it("rejects a bad Steam id, a bad trade URL and unknown fields with VALIDATION_FAILED fields", async () => {
    const result = await api(sim, "/auth/authenticate-client", {
      body: { clientSteamId: "12345", clientTradeUrl: "https://steamcommunity.com/tradeoffer/new/?partner=1&token=short", extra: true },
    });
    const error = expectError(result, 422, "VALIDATION_FAILED", 1001);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["clientSteamId", "clientTradeUrl", "extra"]);
  });

  it("rejects malformed JSON with VALIDATION_FAILED", async () => {
    const result = await api(sim, "/auth/authenticate-client", { rawBody: '{"clientSteamId": ' });
    expect(expectError(result, 422, "VALIDATION_FAILED", 1001).fields).toEqual({ body: "malformed JSON" });
  });

  it("needs the api-key header: missing → MISSING_API_KEY, wrong → INVALID_API_KEY", async () => {
    const body = { clientSteamId: steamId, clientTradeUrl: tradeUrl };
    expectError(await api(sim, "/auth/authenticate-client", { body, apiKey: null }), 401, "MISSING_API_KEY", 1900);
    expectError(await api(sim, "/auth/authenticate-client", { body, apiKey: "ap_not_the_key" }), 401, "INVALID_API_KEY", 1901);
    expectError(await api(sim, "/secure/trades", { apiKey: `${sim.apiKey}x` }), 401, "INVALID_API_KEY", 1901);
  });
});

describe("trades", () => {
  it("GET /secure/trades lists self trades of one game, newest first, with an opaque cursor", async () => {
    const seen: Array<{ id: string; createdAt: string; source: string; game: string }> = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const result = await api(sim, `/secure/trades?limit=7${query}`);
      expect(result.status).toBe(200);
      expect(result.body.data.items.length).toBeLessThanOrEqual(7);
      seen.push(...result.body.data.items);
      cursor = result.body.data.nextCursor;
    } while (cursor);
    const truth = (await api(sim, "/__sim/state?game=730")).body.data.trades.filter((t: { source: string }) => t.source === "self");
    expect(seen.length).toBe(truth.length);
    expect(seen.length).toBeGreaterThan(7); // paging actually happened
    expect(new Set(seen.map((t) => t.id)).size).toBe(seen.length);
    expect(seen.every((t) => t.source === "self" && t.game === "730")).toBe(true);
    const created = seen.map((t) => t.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
  });

  it("validates limit, game and cursor", async () => {
    expect(expectError(await api(sim, "/secure/trades?limit=0"), 422, "VALIDATION_FAILED", 1001).fields).toHaveProperty("limit");
    expect(expectError(await api(sim, "/secure/trades?limit=101"), 422, "VALIDATION_FAILED", 1001).fields).toHaveProperty("limit");
    expect(expectError(await api(sim, "/secure/trades?game=440"), 422, "VALIDATION_FAILED", 1001).fields).toHaveProperty("game");
    expect(expectError(await api(sim, "/secure/trades?cursor=%%%"), 422, "VALIDATION_FAILED", 1001).fields).toHaveProperty("cursor");
  });

  it("GET /secure/trades/{ref} returns one trade by id or externalId, 404 TRADE_NOT_FOUND otherwise", async () => {
    const created = await control(sim, "trades", { status: "hold", type: "withdraw", externalId: "ord_rest_1" });
    const byId = await api(sim, `/secure/trades/${created.id}`);
    expect(byId.status).toBe(200);
    expect(byId.body.data).toEqual(created);
    expect((await api(sim, "/secure/trades/ord_rest_1")).body.data.id).toBe(created.id);
    expectError(await api(sim, "/secure/trades/00000000-0000-4000-8000-000000000000"), 404, "TRADE_NOT_FOUND", 9);
  });

  it("GET /secure/trades/{a,b,...} returns an array, drops unknown refs and caps at 100", async () => {
    const a = await control(sim, "trades", { status: "active" });
    const b = await control(sim, "trades", { status: "completed", game: "252490", externalId: "ord_rest_2" });
    const result = await api(sim, `/secure/trades/${a.id},nope,ord_rest_2`);
    expect(result.status).toBe(200);
    expect(result.body.data.map((t: { id: string }) => t.id)).toEqual([a.id, b.id]);
    expect((await api(sim, "/secure/trades/nope,alsonope")).body.data).toEqual([]);
    const tooMany = Array.from({ length: 101 }, (_, i) => `r${i}`).join(",");
    expectError(await api(sim, `/secure/trades/${tooMany}`), 422, "VALIDATION_FAILED", 1001);
  });

  it("every trade in ground truth matches the documented Trade shape and its status rules", async () => {
    const { trades } = (await api(sim, "/__sim/state")).body.data;
    expect(trades.length).toBeGreaterThanOrEqual(400);
    for (const raw of trades) {
      const trade = tradeSchema.parse(raw);
      if (trade.status === "failed") expect(trade.error, trade.id).toBeDefined();
      if (trade.status === "reverted") expect(trade.revertedBy, trade.id).toBeDefined();
      if (trade.status === "hold") expect(trade.holdEndDate, trade.id).toBeDefined();
      if (["active", "hold", "completed"].includes(trade.status)) expect(trade.offerID, trade.id).toBeDefined();
      if (trade.game === "252490") expect(trade.holdEndDate, trade.id).toBeUndefined();
      if (trade.game === "252490" || trade.type === "deposit") expect(trade.autoCancelAt).toBeUndefined();
      if (trade.type === "deposit") {
        expect((trade.preCredit ?? Number.NaN) + (trade.pendingCredit ?? Number.NaN)).toBeCloseTo(trade.totalPrice, 2);
        expect(typeof trade.isInstant).toBe("boolean");
      }
      if (trade.source === "self") expect(trade.clientUserId).toBeUndefined();
      for (const item of trade.items) if (item.appid !== undefined) expect(item.appid).toBe(Number(trade.game));
    }
    const statuses = new Set(trades.map((t: { status: string }) => t.status));
    for (const s of ["initiated", "active", "hold", "completed", "failed", "declined"]) expect(statuses).toContain(s);
  });
});

describe("wallet and ledger", () => {
  it("GET /v1/wallets/me/balance returns USD numbers", async () => {
    const result = await api(sim, "/v1/wallets/me/balance");
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({
      balance: expect.any(Number),
      pendingBalance: expect.any(Number),
      escrowBalance: expect.any(Number),
      currency: "USD",
    });
  });

  it("a completed crypto deposit raises the balance by what was credited", async () => {
    // A quiet simulator (no history, no arrivals) so nothing else moves the balance in between.
    const quiet = await startTestSim();
    try {
      const before = (await api(quiet, "/v1/wallets/me/balance")).body.data.balance;
      const funding = fundingSchema.parse(await control(quiet, "funding", { kind: "deposit", status: "COMPLETED" }));
      const after = (await api(quiet, "/v1/wallets/me/balance")).body.data.balance;
      // Both balances are rounded to cents, so allow one cent.
      expect(Math.abs(after - before - Number(funding.creditedUsd))).toBeLessThanOrEqual(0.011);
    } finally {
      await quiet.close();
    }
  });

  it("GET /v1/ledger/transactions filters, pages with offset and lists newest first", async () => {
    await control(sim, "funding", { kind: "withdrawal", status: "PENDING_ADMIN" });
    const all = (await api(sim, "/v1/ledger/transactions?limit=100")).body.data;
    expect(all.pagination).toEqual({ page: 1, limit: 100, total: all.items.length, totalPages: 1 });
    const created = all.items.map((i: { timestamps: { created: string } }) => i.timestamps.created);
    expect([...created].sort().reverse()).toEqual(created);
    const item = all.items[0];
    expect(item).toEqual({
      id: expect.any(String),
      type: expect.stringMatching(/^(DEPOSIT|WITHDRAWAL)$/),
      status: expect.any(String),
      amount: { usd: expect.any(Number), crypto: expect.any(String), token: expect.any(String), chain: expect.any(String) },
      fee: expect.any(Number),
      address: expect.any(String),
      txnHash: item.txnHash === null ? null : expect.any(String),
      timestamps: { created: expect.any(String), completed: item.timestamps.completed === null ? null : expect.any(String), updated: expect.any(String) },
    });

    const withdrawals = (await api(sim, "/v1/ledger/transactions?type=WITHDRAWAL&limit=100")).body.data.items;
    expect(withdrawals.length).toBeGreaterThan(0);
    expect(withdrawals.every((i: { type: string }) => i.type === "WITHDRAWAL")).toBe(true);

    const page2 = (await api(sim, "/v1/ledger/transactions?limit=2&offset=2")).body.data;
    expect(page2.pagination).toMatchObject({ page: 2, limit: 2, total: all.items.length });
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual(all.items.slice(2, 4).map((i: { id: string }) => i.id));

    expect(expectError(await api(sim, "/v1/ledger/transactions?limit=500"), 422, "VALIDATION_FAILED", 1001).fields).toHaveProperty("limit");
    expect(expectError(await api(sim, "/v1/ledger/transactions?startDate=yesterday"), 422, "VALIDATION_FAILED", 1001).fields).toHaveProperty("startDate");
  });
});

describe("GET /health", () => {
  it("answers without an api-key, outside the rate limit, and reports maintenance mode set by the control API", async () => {
    const up = await api(sim, "/health", { apiKey: null });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: "ok", maintenance: { mode: false } });
    expect(typeof up.body.uptime).toBe("number");
    expect(await control(sim, "maintenance", { mode: true })).toEqual({ maintenance: { mode: true } });
    expect((await api(sim, "/health", { apiKey: null })).body).toMatchObject({ status: "maintenance", maintenance: { mode: true } });
    await control(sim, "maintenance", { mode: false });
    expect((await api(sim, "/health", { apiKey: null })).body.maintenance).toEqual({ mode: false });
  });
});

describe("routing and rate limiting", () => {
  it("an unknown route is a 404 NOT_FOUND envelope", async () => {
    expectError(await api(sim, "/secure/nothing-here"), 404, "NOT_FOUND", 1003);
    expectError(await api(sim, "/v1/wallets/me/balance", { method: "DELETE" }), 404, "NOT_FOUND", 1003);
  });

  it("past the per-minute budget the API answers 429 RATE_LIMITED with Retry-After; control API is exempt", async () => {
    const limited = await startTestSim({ rateLimitPerMin: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await api(limited, "/v1/wallets/me/balance")).status).toBe(200);
      const refused = await api(limited, "/secure/trades");
      expectError(refused, 429, "RATE_LIMITED", 1005);
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect((await api(limited, "/__sim/state")).status).toBe(200);
      await control(limited, "rate-limit", { perMinute: 100 });
      expect((await api(limited, "/v1/wallets/me/balance")).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
