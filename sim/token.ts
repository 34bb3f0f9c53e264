// Client tokens as AssetPay issues them (see docs/assetpay-api.md): compact JWS, HS256 over the API
// secret, header { alg: "HS256", userId: merchantId } with no `typ`, payload { merchantId, client, iat,
// exp }. Used by POST /auth/authenticate-client to mint and by the socket handshake to verify. jose does
// the JWS; the rules on header, claims and expiry are the simulator's own, checked here.

import { compactVerify, decodeProtectedHeader, errors, SignJWT } from "jose";
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

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function signClientToken(input: SignInput, secret: string): Promise<string> {
  const iat = Math.floor(input.nowMs / 1000);
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
  return new SignJWT(payload).setProtectedHeader({ alg: "HS256", userId: input.merchantId }).sign(encoder.encode(secret));
}

export type VerifyResult =
  | { ok: true; payload: ClientTokenPayload; merchantId: string }
  | { ok: false; reason: "malformed" | "bad-signature" | "expired" };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function protectedHeader(token: string): unknown {
  try {
    return decodeProtectedHeader(token);
  } catch {
    return undefined;
  }
}

/** Checks, in this order: header shape and algorithm, signature, claims, expiry against `nowMs`. */
export async function verifyClientToken(token: string, secret: string, nowMs: number): Promise<VerifyResult> {
  const parts = token.split(".");
  if (parts.length !== 3 || parts.includes("")) return { ok: false, reason: "malformed" };
  const header = headerSchema.safeParse(protectedHeader(token));
  if (!header.success) return { ok: false, reason: "malformed" };
  let signedPayload: Uint8Array;
  try {
    ({ payload: signedPayload } = await compactVerify(token, encoder.encode(secret), { algorithms: ["HS256"] }));
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWSSignatureVerificationFailed ? "bad-signature" : "malformed" };
  }
  const payload = payloadSchema.safeParse(parseJson(decoder.decode(signedPayload)));
  if (!payload.success) return { ok: false, reason: "malformed" };
  if (payload.data.exp * 1000 <= nowMs) return { ok: false, reason: "expired" };
  return { ok: true, payload: payload.data, merchantId: header.data.userId };
}
