import { describe, expect, it } from "vitest";
import { referenceHs256Token, verifyHs256 as verify } from "@/lib/testing/hs256-reference";
import { createTokenMinter, readUnverifiedJwt, signClientToken } from "./client-token";
import { AssetPayError, createAssetPayClient, type FetchLike } from "./rest-client";

const SECRET = "merchant-api-secret";
const NOW = Date.parse("2026-05-01T12:00:00Z");
const baseEnv = {
  apiSecret: null as string | null,
  merchantId: null as string | null,
  tokenSteamId: "76561198000000001",
  tokenTradeUrl: "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash",
  tokenTtlSeconds: 900,
  wsUrl: "http://127.0.0.1:4010",
};

/** A token as AssetPay's API would issue it, signed with SECRET. */
const apiToken = (header: object, payload: object) => referenceHs256Token(header, payload, SECRET);

function fakeAssetPay(answer: () => Response) {
  const bodies: unknown[] = [];
  const fetch: FetchLike = async (url, init) => {
    expect(url).toBe("http://127.0.0.1:4010/auth/authenticate-client");
    expect(init.headers).toMatchObject({ "api-key": "ap_key" });
    bodies.push(JSON.parse(String(init.body)));
    return answer();
  };
  return { client: createAssetPayClient({ baseUrl: "http://127.0.0.1:4010", apiKey: "ap_key", fetch }), bodies };
}

const ok = (data: unknown) => new Response(JSON.stringify({ requestId: "r", success: true, data }), { status: 200 });

describe("signClientToken", () => {
  it("signs HS256 with the API secret: header alg + userId, SDK claim set, exp = iat + ttl", async () => {
    const { token, exp } = await signClientToken({
      secret: SECRET,
      merchantId: "m-1",
      steamId: baseEnv.tokenSteamId,
      tradeUrl: baseEnv.tokenTradeUrl,
      clientId: "ops@example.test",
      ttlSeconds: 900,
      now: NOW,
    });
    const iat = NOW / 1000;
    // Byte for byte the token an independent HS256 builds from exactly this header and claim order.
    expect(token).toBe(
      referenceHs256Token(
        { alg: "HS256", userId: "m-1" },
        { merchantId: "m-1", client: { steamID: baseEnv.tokenSteamId, tradeUrl: baseEnv.tokenTradeUrl, clientId: "ops@example.test" }, iat, exp: iat + 900 },
        SECRET,
      ),
    );
    expect(exp).toBe(iat + 900);
    expect(() => verify(token, "another-secret")).toThrow("signature does not match");
  });

  it("leaves clientId out when there is none", async () => {
    const { token } = await signClientToken({ secret: SECRET, merchantId: "m", steamId: "s", tradeUrl: "t", ttlSeconds: 1, now: NOW });
    expect(verify(token, SECRET).payload.client).toEqual({ steamID: "s", tradeUrl: "t" });
  });
});

describe("createTokenMinter via POST /auth/authenticate-client", () => {
  it("sends the configured identity and takes expiresAt from the JWT's exp", async () => {
    const exp = NOW / 1000 + 86_400;
    const { client, bodies } = fakeAssetPay(() => ok({ token: apiToken({ alg: "HS256", userId: "m-9" }, { exp }) }));
    const minter = createTokenMinter({ env: baseEnv, client, now: () => NOW });
    const grant = await minter.mint({ clientId: "ops@example.test" });
    expect(bodies).toEqual([{ clientSteamId: baseEnv.tokenSteamId, clientTradeUrl: baseEnv.tokenTradeUrl, clientId: "ops@example.test" }]);
    expect(grant).toEqual({ token: expect.any(String), expiresAt: new Date(exp * 1000).toISOString(), wsUrl: baseEnv.wsUrl });
  });

  it("prefers an expiry AssetPay states, and assumes the documented 24 h when the token has no exp", async () => {
    let data: unknown = { token: "opaque-token", expiresAt: "2026-05-01T13:00:00.000Z" };
    const { client } = fakeAssetPay(() => ok(data));
    const minter = createTokenMinter({ env: baseEnv, client, now: () => NOW });
    expect((await minter.mint()).expiresAt).toBe("2026-05-01T13:00:00.000Z");
    data = { token: "opaque-token" };
    expect((await minter.mint()).expiresAt).toBe("2026-05-02T12:00:00.000Z");
  });

  it("omits a clientId longer than AssetPay accepts (128)", async () => {
    const { client, bodies } = fakeAssetPay(() => ok({ token: "t" }));
    await createTokenMinter({ env: baseEnv, client }).mint({ clientId: "x".repeat(129) });
    expect(bodies[0]).not.toHaveProperty("clientId");
  });

  it("passes AssetPay's errors on as AssetPayError", async () => {
    const { client } = fakeAssetPay(
      () => new Response(JSON.stringify({ success: false, error: { code: 1901, key: "INVALID_API_KEY", message: "no" } }), { status: 401 }),
    );
    await expect(createTokenMinter({ env: baseEnv, client }).mint()).rejects.toMatchObject({ key: "INVALID_API_KEY", httpStatus: 401 });
  });
});

describe("createTokenMinter signing locally (ASSETPAY_API_SECRET)", () => {
  const local = { ...baseEnv, apiSecret: SECRET, tokenTtlSeconds: 600 };

  it("uses ASSETPAY_MERCHANT_ID without calling AssetPay", async () => {
    const { client, bodies } = fakeAssetPay(() => ok({ token: "unused" }));
    const grant = await createTokenMinter({ env: { ...local, merchantId: "m-env" }, client, now: () => NOW }).mint({ clientId: "a@b.c" });
    expect(bodies).toHaveLength(0);
    const { header, payload } = verify(grant.token, SECRET);
    expect(header.userId).toBe("m-env");
    expect(payload).toMatchObject({ merchantId: "m-env", exp: NOW / 1000 + 600, client: { clientId: "a@b.c" } });
    expect(grant.expiresAt).toBe(new Date(NOW + 600_000).toISOString());
    expect(grant.wsUrl).toBe(local.wsUrl);
  });

  it("otherwise learns the merchant id once from an API-issued token's header", async () => {
    const { client, bodies } = fakeAssetPay(() => ok({ token: apiToken({ alg: "HS256", userId: "m-api" }, { merchantId: "m-api" }) }));
    const minter = createTokenMinter({ env: local, client, now: () => NOW });
    const first = await minter.mint();
    const second = await minter.mint();
    expect(bodies).toHaveLength(1);
    expect(verify(first.token, SECRET).header.userId).toBe("m-api");
    expect(verify(second.token, SECRET).payload.merchantId).toBe("m-api");
  });

  it("retries the merchant id lookup after a failure, and explains a token without one", async () => {
    let answer = () => new Response("down", { status: 503 });
    const { client } = fakeAssetPay(() => answer());
    const minter = createTokenMinter({ env: local, client });
    await expect(minter.mint()).rejects.toBeInstanceOf(AssetPayError);
    answer = () => ok({ token: apiToken({ alg: "HS256" }, {}) });
    await expect(minter.mint()).rejects.toThrow(/set ASSETPAY_MERCHANT_ID/);
    answer = () => ok({ token: apiToken({ alg: "HS256" }, { merchantId: "m-payload" }) });
    expect(verify((await minter.mint()).token, SECRET).header.userId).toBe("m-payload");
  });
});

describe("readUnverifiedJwt", () => {
  it("reads header and payload, or gives null for garbage", () => {
    expect(readUnverifiedJwt(apiToken({ alg: "HS256" }, { a: 1 }))).toEqual({ header: { alg: "HS256" }, payload: { a: 1 } });
    expect(readUnverifiedJwt("nope")).toBeNull();
    expect(readUnverifiedJwt("a.b.c")).toBeNull();
  });
});
