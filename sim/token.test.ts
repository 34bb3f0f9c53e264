import { describe, expect, it } from "vitest";
import { referenceHs256Token, verifyHs256 } from "@/lib/testing/hs256-reference";
import { signClientToken, verifyClientToken } from "./token";

const secret = "test-secret-0123456789abcdef";
const now = Date.UTC(2026, 4, 1, 12, 0, 0);
const input = {
  merchantId: "mrc_1",
  steamId: "76561198000000001",
  tradeUrl: "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=AbCd_-12",
  clientId: "user_7",
  ttlSeconds: 86_400,
  nowMs: now,
};

describe("client tokens", () => {
  it("are HS256 JWS with the documented header and claims, byte for byte", async () => {
    const token = await signClientToken({ ...input, clientData: { totalWager: 12.5, kycLevel: 2 } }, secret);
    // Standard compact JWS: exactly what an independent HS256 makes of this header and claim order.
    expect(token).toBe(
      referenceHs256Token(
        { alg: "HS256", userId: "mrc_1" },
        {
          merchantId: "mrc_1",
          client: { steamID: input.steamId, tradeUrl: input.tradeUrl, clientData: { totalWager: 12.5, kycLevel: 2 }, clientId: "user_7" },
          iat: now / 1000,
          exp: now / 1000 + 86_400,
        },
        secret,
      ),
    );
    expect(verifyHs256(await signClientToken(input, secret), secret).payload.client).toEqual({
      steamID: input.steamId,
      tradeUrl: input.tradeUrl,
      clientId: "user_7",
    });
  });

  it("verify accepts a good token until exp and rejects it from exp on", async () => {
    const token = await signClientToken({ ...input, ttlSeconds: 60 }, secret);
    expect(await verifyClientToken(token, secret, now + 59_000)).toMatchObject({ ok: true, merchantId: "mrc_1" });
    expect(await verifyClientToken(token, secret, now + 60_000)).toEqual({ ok: false, reason: "expired" });
  });

  it("verify accepts a token signed by an independent HS256 with the same claims", async () => {
    const token = referenceHs256Token(
      { alg: "HS256", userId: "mrc_1" },
      { merchantId: "mrc_1", client: { steamID: input.steamId, tradeUrl: input.tradeUrl }, iat: now / 1000, exp: now / 1000 + 60 },
      secret,
    );
    expect(await verifyClientToken(token, secret, now)).toMatchObject({ ok: true, payload: { client: { steamID: input.steamId } } });
  });

  it("verify rejects a wrong secret, a tampered payload, another algorithm and garbage", async () => {
    const token = await signClientToken(input, secret);
    expect(await verifyClientToken(token, "another-secret-0123456789", now)).toEqual({ ok: false, reason: "bad-signature" });
    const [h, , s] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ merchantId: "mrc_1", client: { steamID: "1", tradeUrl: "x" }, iat: 0, exp: 9e9 })).toString("base64url");
    expect(await verifyClientToken(`${h}.${forged}.${s}`, secret, now)).toEqual({ ok: false, reason: "bad-signature" });
    const none = Buffer.from(JSON.stringify({ alg: "none", userId: "mrc_1" })).toString("base64url");
    expect(await verifyClientToken(`${none}.${forged}.${s}`, secret, now)).toEqual({ ok: false, reason: "malformed" });
    expect(await verifyClientToken(`${h}.${forged}.`, secret, now)).toEqual({ ok: false, reason: "malformed" });
    expect(await verifyClientToken("not-a-token", secret, now)).toEqual({ ok: false, reason: "malformed" });
    expect(await verifyClientToken("abc.def.ghi", secret, now)).toEqual({ ok: false, reason: "malformed" });
  });

  it("verify calls a correctly signed token with claims of the wrong shape malformed", async () => {
    const token = referenceHs256Token({ alg: "HS256", userId: "mrc_1" }, { merchantId: "mrc_1", iat: 1, exp: 9e9 }, secret);
    expect(await verifyClientToken(token, secret, now)).toEqual({ ok: false, reason: "malformed" });
  });
});
