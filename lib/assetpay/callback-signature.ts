// AssetPay's callback signature: `X-AssetPay-Signature: t=<ISO time>,id=<deliveryId>,s=<hex>` where
// s = hex HMAC-SHA256 keyed with the merchant's API secret over `deliveryId + "." + t + "." + raw body`,
// on the raw bytes as received (re-serialized JSON would not match). During a secret rotation AssetPay
// also sends `s1=` signed with the previous secret; either may match. A timestamp more than 300 s from
// now is refused, like AssetPay's SDK does (docs/assetpay-api.md, callbacks). Pure: no I/O, never throws.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-assetpay-signature";
export const SIGNATURE_TOLERANCE_MS = 300_000;
const MAX_HEADER_CHARS = 1_024;
const MAX_DELIVERY_ID_CHARS = 200;

export interface SignatureParts {
  t: string;
  id: string;
  signatures: string[];
}

export type SignatureCheck =
  | { ok: true; deliveryId: string; signedAt: string }
  | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch"; message: string };

/** The header's parts, or null when it is not `t=…,id=…,s=…` (`s1=` optional). */
export function parseSignatureHeader(header: string | null): SignatureParts | null {
  if (header === null || header.length > MAX_HEADER_CHARS) return null;
  const fields = new Map<string, string>();
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at <= 0) return null;
    const key = part.slice(0, at).trim();
    if (fields.has(key)) return null;
    fields.set(key, part.slice(at + 1).trim());
  }
  const t = fields.get("t");
  const id = fields.get("id");
  const signatures = [fields.get("s"), fields.get("s1")].filter((s): s is string => s !== undefined && /^[0-9a-fA-F]{64}$/.test(s));
  if (!t || !id || id.length > MAX_DELIVERY_ID_CHARS || !/^[\x21-\x7e]+$/.test(id) || signatures.length === 0) return null;
  return { t, id, signatures: signatures.map((s) => s.toLowerCase()) };
}

export function callbackSignature(secret: string, deliveryId: string, t: string, rawBody: Uint8Array): string {
  return createHmac("sha256", secret).update(`${deliveryId}.${t}.`).update(rawBody).digest("hex");
}

/** The header AssetPay would send for this body (tests, benches). */
export function signatureHeader(secret: string, deliveryId: string, t: string, rawBody: Uint8Array): string {
  return `t=${t},id=${deliveryId},s=${callbackSignature(secret, deliveryId, t, rawBody)}`;
}

export function verifyCallbackSignature(input: { header: string | null; rawBody: Uint8Array; secret: string; nowMs: number }): SignatureCheck {
  if (input.header === null || input.header.trim() === "") return { ok: false, reason: "missing", message: "X-AssetPay-Signature is missing" };
  const parts = parseSignatureHeader(input.header);
  if (!parts) return { ok: false, reason: "malformed", message: "X-AssetPay-Signature is not t=…,id=…,s=<hex>" };
  const signedAtMs = Date.parse(parts.t);
  if (Number.isNaN(signedAtMs)) return { ok: false, reason: "malformed", message: "X-AssetPay-Signature has no valid time t" };
  if (Math.abs(input.nowMs - signedAtMs) > SIGNATURE_TOLERANCE_MS) {
    return { ok: false, reason: "stale", message: "the signature's time t is more than 300 s from now" };
  }
  const expected = Buffer.from(callbackSignature(input.secret, parts.id, parts.t, input.rawBody), "hex");
  // Every candidate is compared, so timing says nothing about which one matched.
  let matched = false;
  for (const candidate of parts.signatures) matched = timingSafeEqual(Buffer.from(candidate, "hex"), expected) || matched;
  if (!matched) return { ok: false, reason: "mismatch", message: "the signature does not match the body" };
  return { ok: true, deliveryId: parts.id, signedAt: parts.t };
}
