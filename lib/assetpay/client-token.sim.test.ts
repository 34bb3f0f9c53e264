// The token minter against the real AssetPay simulator: what AssetPay's API mints and what we sign
// locally must both pass the simulator's own token check, and its refusals must map to clear answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/sim/server";
import { verifyClientToken } from "@/sim/token";
import { createTokenMinter, readUnverifiedJwt } from "./client-token";
import { AssetPayError, createAssetPayClient } from "./rest-client";
import { describeTokenFailure } from "./token-failure";

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, host: "127.0.0.1", rate: 0, initialTrades: 0, seed: "client-token-test" });
});
afterAll(async () => {
  await sim?.close();
});

const identity = {
  tokenSteamId: "76561198000000001",
  tokenTradeUrl: "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash",
  tokenTtlSeconds: 300,
  merchantId: null,
};

function minter(options: { apiKey?: string; apiSecret?: string | null } = {}) {
  const client = createAssetPayClient({ baseUrl: sim.url, apiKey: options.apiKey ?? sim.apiKey });
  return createTokenMinter({ env: { ...identity, apiSecret: options.apiSecret ?? null, wsUrl: sim.url }, client });
}

describe("client tokens against the simulator", () => {
  it("mints via POST /auth/authenticate-client; the simulator accepts the token", async () => {
    const grant = await minter().mint({ clientId: "ops@example.test" });
    const verdict = await verifyClientToken(grant.token, sim.apiSecret, Date.now());
    expect(verdict).toMatchObject({ ok: true, merchantId: sim.merchantId });
    expect(verdict.ok && verdict.payload.client).toMatchObject({ steamID: identity.tokenSteamId, clientId: "ops@example.test" });
    const exp = (readUnverifiedJwt(grant.token)?.payload as { exp: number }).exp;
    expect(grant.expiresAt).toBe(new Date(exp * 1000).toISOString());
    expect(grant.wsUrl).toBe(sim.url);
  });

  it("signs locally with the API secret, learning the merchant id from the API once", async () => {
    const grant = await minter({ apiSecret: sim.apiSecret }).mint();
    const verdict = await verifyClientToken(grant.token, sim.apiSecret, Date.now());
    expect(verdict).toMatchObject({ ok: true, merchantId: sim.merchantId });
    expect(verdict.ok && verdict.payload.exp - verdict.payload.iat).toBe(300);
  });

  it("a wrong API key becomes a 502 that names ASSETPAY_API_KEY but not the key", async () => {
    const error = await minter({ apiKey: "ap_wrong_key_value" }).mint().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssetPayError);
    expect(error).toMatchObject({ key: "INVALID_API_KEY", httpStatus: 401 });
    const failure = describeTokenFailure(error);
    expect(failure.status).toBe(502);
    expect(failure.message).toContain("ASSETPAY_API_KEY");
    expect(failure.message).not.toContain("ap_wrong_key_value");
  });

  it("the simulator's rate limit becomes a 429 with its Retry-After", async () => {
    const limited = await startSimulator({ port: 0, host: "127.0.0.1", rate: 0, initialTrades: 0, rateLimitPerMin: 1 });
    try {
      const client = createAssetPayClient({ baseUrl: limited.url, apiKey: limited.apiKey });
      const local = createTokenMinter({ env: { ...identity, apiSecret: null, wsUrl: limited.url }, client });
      await local.mint();
      const error = await local.mint().catch((e: unknown) => e);
      expect(error).toMatchObject({ key: "RATE_LIMITED", httpStatus: 429 });
      const failure = describeTokenFailure(error);
      expect(failure.status).toBe(429);
      expect(failure.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
