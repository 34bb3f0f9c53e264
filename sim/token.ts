// Client tokens as AssetPay issues them (§1.3): compact JWS, HS256 over the API secret, header
// { alg: "HS256", userId: merchantId } with no `typ`, payload { merchantId, client, iat, exp }.
// Used by POST /auth/authenticate-client to mint and by the socket handshake to verify.

import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const clientDataSchema = z.looseObject({
  totalWager: z.number().nonnegative().optional(),
  kycLevel: z.number().int().min(0).max(3).optional(),
  fiatDeposits: z.boolean().optional(),
  cryptoDeposits: z.boolean().optional(),
  registrationDate: z.iso.datetime({ offset: true }).optional(),
  kycHash: z.string().optional(),
});
export type ClientData = z.infer<typeof clientDataSchema>;

const headerSchema = z.object({ alg: z.literal("HS256"), userId: z.string() });
const payloadSchema = z.object({
  merchantId: z.string(),
  client: z.object({
    steamID: z.string(),
    tradeUrl: z.string(),
    clientData: clientDataSchema.optional(),
    clientId: z.string().optional(),
  }),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type ClientTokenPayload = z.infer<typeof payloadSchema>;

export interface SignInput {
  merchantId: string;
  steamId: string;
  tradeUrl: string;
  clientId?: string;
  clientData?: ClientData;
  ttlSeconds: number;
  nowMs: number;
}

function b64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

function signature(signingInput: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(signingInput).digest();
}

export function signClientToken(input: SignInput, secret: string): string {
  const iat = Math.floor(input.nowMs / 1000);
  const header = { alg: "HS256", userId: input.merchantId };
  const payload: ClientTokenPayload = {
    merchantId: input.merchantId,
    client: {
      steamID: input.steamId,
      tradeUrl: input.tradeUrl,
      ...(input.clientData ? { clientData: input.clientData } : {}),
      ...(input.clientId !== undefined ? { clientId: input.clientId } : {}),
    },
    iat,
    exp: iat + input.ttlSeconds,
  };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${signingInput}.${signature(signingInput, secret).toString("base64url")}`;
}

export type VerifyResult =
  | { ok: true; payload: ClientTokenPayload; merchantId: string }
  | { ok: false; reason: "malformed" | "bad-signature" | "expired" };

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/** Checks shape, algorithm, signature (constant-time) and expiry against `nowMs`. */
export function verifyClientToken(token: string, secret: string, nowMs: number): VerifyResult {
  const parts = token.split(".");
  const [h, p, s] = parts;
  if (parts.length !== 3 || !h || !p || !s) return { ok: false, reason: "malformed" };
  const header = headerSchema.safeParse(decodeJson(h));
  if (!header.success) return { ok: false, reason: "malformed" };
  const expected = signature(`${h}.${p}`, secret);
  const given = Buffer.from(s, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad-signature" };
  const payload = payloadSchema.safeParse(decodeJson(p));
  if (!payload.success) return { ok: false, reason: "malformed" };
  if (payload.data.exp * 1000 <= nowMs) return { ok: false, reason: "expired" };
  return { ok: true, payload: payload.data, merchantId: header.data.userId };
}
