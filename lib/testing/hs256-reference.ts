// The one hand-written HS256 (compact JWS) in the repository, for tests only: node:crypto's HMAC over
// `base64url(header JSON).base64url(payload JSON)`, as AssetPay's own tokens are built (see
// docs/assetpay-api.md). The app and the simulator sign and verify with jose; tests hold jose's
// output against this, byte for byte, so a change in jose's encoding or signature would fail them.
// Never import it from app, simulator or recorder code.
import { createHmac, timingSafeEqual } from "node:crypto";

export interface DecodedHs256 {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

type Secret = string | Uint8Array;

const base64url = (json: object) => Buffer.from(JSON.stringify(json)).toString("base64url");
const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;

function hmac(signingInput: string, secret: Secret): Buffer {
  return createHmac("sha256", secret).update(signingInput).digest();
}

/** The compact JWS of exactly these header and payload objects (keys in their own order). */
export function referenceHs256Token(header: object, payload: object, secret: Secret): string {
  const signingInput = `${base64url(header)}.${base64url(payload)}`;
  return `${signingInput}.${hmac(signingInput, secret).toString("base64url")}`;
}

/** Header and payload of `token`; throws unless it is a compact JWS whose HS256 signature matches `secret`. */
export function verifyHs256(token: string, secret: Secret): DecodedHs256 {
  const parts = token.split(".");
  const [header, payload, signature] = parts;
  if (parts.length !== 3 || !header || !payload || !signature) throw new Error("not a compact JWS");
  const expected = hmac(`${header}.${payload}`, secret);
  const actual = Buffer.from(signature, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new Error("signature does not match the secret");
  return { header: decode(header), payload: decode(payload) };
}
