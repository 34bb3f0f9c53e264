import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
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

function decode(part: string | undefined): unknown {
  return JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8"));
}

describe("client tokens", () => {
  it("are HS256 JWS with the documented header and claims", () => {
    const token = signClientToken(input, secret);
    const [h, p, s] = token.split(".");
    expect(decode(h)).toEqual({ alg: "HS256", userId: "mrc_1" });
    expect(decode(p)).toEqual({
      merchantId: "mrc_1",
      client: { steamID: input.steamId, tradeUrl: input.tradeUrl, clientId: "user_7" },
      iat: now / 1000,
      exp: now / 1000 + 86_400,
    });
    // Standard compact JWS: any JWT library holding the secret would accept it.
    expect(s).toBe(createHmac("sha256", secret).update(`${h}.${p}`).digest("base64url"));
  });

  it("verify accepts a good token until exp and rejects it from exp on", () => {
    const token = signClientToken({ ...input, ttlSeconds: 60 }, secret);
    expect(verifyClientToken(token, secret, now + 59_000)).toMatchObject({ ok: true, merchantId: "mrc_1" });
    expect(verifyClientToken(token, secret, now + 60_000)).toEqual({ ok: false, reason: "expired" });
  });

  it("verify rejects a wrong secret, a tampered payload and garbage", () => {
    const token = signClientToken(input, secret);
    expect(verifyClientToken(token, "another-secret-0123456789", now)).toEqual({ ok: false, reason: "bad-signature" });
    const [h, , s] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ merchantId: "mrc_1", client: { steamID: "1", tradeUrl: "x" }, iat: 0, exp: 9e9 })).toString("base64url");
    expect(verifyClientToken(`${h}.${forged}.${s}`, secret, now)).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyClientToken("not-a-token", secret, now)).toEqual({ ok: false, reason: "malformed" });
  });
});
