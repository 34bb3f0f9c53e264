import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseSignatureHeader, signatureHeader, verifyCallbackSignature } from "./callback-signature";

const SECRET = "sim-secret-0123456789";
const NOW = Date.parse("2026-05-01T10:00:00.000Z");
const T = new Date(NOW).toISOString();
const body = Buffer.from('{"trade":{"id":"t-1","status":"hold"}}');

/** An independent HMAC over the documented message, so the test does not just echo the module. */
function reference(secret: string, id: string, t: string, raw: Buffer): string {
  return createHmac("sha256", secret).update(Buffer.concat([Buffer.from(`${id}.${t}.`), raw])).digest("hex");
}

describe("verifyCallbackSignature", () => {
  it("accepts AssetPay's signature over deliveryId.t.rawBody", () => {
    const header = `t=${T},id=dlv_1,s=${reference(SECRET, "dlv_1", T, body)}`;
    expect(verifyCallbackSignature({ header, rawBody: body, secret: SECRET, nowMs: NOW })).toEqual({ ok: true, deliveryId: "dlv_1", signedAt: T });
    expect(signatureHeader(SECRET, "dlv_1", T, body)).toBe(header);
  });

  it("accepts the previous secret's s1 during a rotation, whichever comes first", () => {
    const header = `t=${T},id=dlv_1,s=${reference("new-secret-abcdefgh", "dlv_1", T, body)},s1=${reference(SECRET, "dlv_1", T, body)}`;
    expect(verifyCallbackSignature({ header, rawBody: body, secret: SECRET, nowMs: NOW }).ok).toBe(true);
  });

  it("checks the raw bytes: re-serialized JSON with the same meaning does not match", () => {
    const header = signatureHeader(SECRET, "dlv_1", T, body);
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
    expect(verifyCallbackSignature({ header, rawBody: reformatted, secret: SECRET, nowMs: NOW })).toMatchObject({ ok: false, reason: "mismatch" });
  });

  it("refuses a forged signature, another delivery id, another secret", () => {
    const good = reference(SECRET, "dlv_1", T, body);
    const forged = `t=${T},id=dlv_1,s=${"0".repeat(64)}`;
    const movedId = `t=${T},id=dlv_2,s=${good}`;
    expect(verifyCallbackSignature({ header: forged, rawBody: body, secret: SECRET, nowMs: NOW })).toMatchObject({ ok: false, reason: "mismatch" });
    expect(verifyCallbackSignature({ header: movedId, rawBody: body, secret: SECRET, nowMs: NOW })).toMatchObject({ ok: false, reason: "mismatch" });
    expect(verifyCallbackSignature({ header: `t=${T},id=dlv_1,s=${good}`, rawBody: body, secret: "other-secret-xyz", nowMs: NOW })).toMatchObject({
      ok: false,
      reason: "mismatch",
    });
  });

  it("refuses a timestamp more than 300 s away, in either direction, and accepts one just inside", () => {
    for (const offset of [-301_000, 301_000]) {
      const t = new Date(NOW + offset).toISOString();
      const header = `t=${t},id=dlv_1,s=${reference(SECRET, "dlv_1", t, body)}`;
      expect(verifyCallbackSignature({ header, rawBody: body, secret: SECRET, nowMs: NOW })).toMatchObject({ ok: false, reason: "stale" });
    }
    const t = new Date(NOW - 299_000).toISOString();
    expect(verifyCallbackSignature({ header: `t=${t},id=dlv_1,s=${reference(SECRET, "dlv_1", t, body)}`, rawBody: body, secret: SECRET, nowMs: NOW }).ok).toBe(true);
  });

  it("calls a missing or malformed header so", () => {
    expect(verifyCallbackSignature({ header: null, rawBody: body, secret: SECRET, nowMs: NOW })).toMatchObject({ reason: "missing" });
    for (const header of ["garbage", `t=${T},s=${"a".repeat(64)}`, `t=${T},id=x,s=zz`, `t=${T},id=x,id=y,s=${"a".repeat(64)}`, `t=yesterday,id=x,s=${"a".repeat(64)}`]) {
      expect(verifyCallbackSignature({ header, rawBody: body, secret: SECRET, nowMs: NOW })).toMatchObject({ ok: false, reason: "malformed" });
    }
  });
});

describe("parseSignatureHeader", () => {
  it("tolerates spaces after commas and upper-case hex", () => {
    expect(parseSignatureHeader(`t=${T}, id=dlv_1, s=${"AB".repeat(32)}`)).toEqual({ t: T, id: "dlv_1", signatures: ["ab".repeat(32)] });
  });
});
