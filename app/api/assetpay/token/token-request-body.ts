// The token route's optional body: `{ "refused": "<sha-256 hex>" }` names the token AssetPay just
// refused for this browser, so the per-staff cache does not hand it back (lib/assetpay/token-grant-cache.ts).
// No body, or `{}`, is an ordinary request. Capped in bytes: the body is a digest, nothing more.
import "server-only";
import { z } from "zod";
import { readJsonBody } from "@/lib/http/read-json-body";

export const TOKEN_BODY_BYTES = 1_024;

const bodySchema = z.strictObject({ refused: z.string().regex(/^[0-9a-fA-F]{64}$/).optional() }).optional();

export type TokenRequestBody = { ok: true; refusedDigest: string | undefined } | { ok: false; status: 400 | 413; message: string };

export async function readTokenRequestBody(request: Request): Promise<TokenRequestBody> {
  const raw = await readJsonBody(request, TOKEN_BODY_BYTES);
  if (!raw.ok && raw.reason === "too_large") {
    return { ok: false, status: 413, message: `A token request body may be at most ${TOKEN_BODY_BYTES} bytes.` };
  }
  const body = raw.ok ? bodySchema.safeParse(raw.value) : null;
  if (!body?.success) {
    return { ok: false, status: 400, message: 'Expected no body, or { "refused": "<SHA-256 hex digest of the refused token>" }.' };
  }
  return { ok: true, refusedDigest: body.data?.refused?.toLowerCase() };
}
