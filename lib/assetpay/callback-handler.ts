// POST /api/assetpay/callbacks: a copy of an AssetPay callback forwarded by the merchant's backend,
// unchanged raw body and X-AssetPay-Signature, with `Authorization: Bearer <CALLBACK_FORWARD_TOKEN>`.
// Order matters: the endpoint exists only when the token is configured (404), the bearer is checked
// before anything is read (401), the body is read as raw bytes with a size cap (413), the signature is
// verified on those bytes (400), the body must be a trade / end-user crypto callback (400), and only
// then is it handed to the recorder, which dedupes by delivery id and records newer-only (202, or 200
// for a delivery id already recorded). The answer only tells the forwarder whether we kept it; it never
// approves or rejects anything at AssetPay.
import "server-only";
import { readRawBody } from "@/lib/http/read-json-body";
import { createHash, timingSafeEqual } from "node:crypto";
import type { NextResponse } from "next/server";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { classifyCallbackBody } from "./callback-body";
import type { CallbackDelivery, CallbackOutcome } from "./callback-delivery";
import { SIGNATURE_HEADER, verifyCallbackSignature } from "./callback-signature";

/** AssetPay's callbacks carry one trade; 1 MB is far above any real one. */
export const MAX_CALLBACK_BYTES = 1024 * 1024;

export interface CallbackHandlerDeps {
  /** null: forwarded callbacks are off and the endpoint does not exist. */
  forwardToken: string | null;
  /** ASSETPAY_API_SECRET, which signs callbacks; null: nothing can be verified. */
  apiSecret: string | null;
  now: () => number;
  /** Hands the verified delivery to the recorder. May throw when the recorder is unavailable. */
  deliver: (delivery: CallbackDelivery) => Promise<CallbackOutcome>;
  log: (line: string) => void;
}

/** Constant-time for any length: both sides are hashed first. */
function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function bearerOf(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header === null ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

export async function handleForwardedCallback(request: Request, deps: CallbackHandlerDeps): Promise<NextResponse> {
  if (deps.forwardToken === null) return jsonError(404, "not_found", "forwarded callbacks are off (CALLBACK_FORWARD_TOKEN is not set)");
  const bearer = bearerOf(request);
  if (bearer === null || !sameToken(bearer, deps.forwardToken)) {
    return jsonError(401, "unauthorized", "send Authorization: Bearer <CALLBACK_FORWARD_TOKEN>", { "www-authenticate": "Bearer" });
  }
  if (deps.apiSecret === null) {
    deps.log("a forwarded callback cannot be verified: ASSETPAY_API_SECRET is not set");
    return jsonError(503, "not_configured", "the dashboard cannot verify callbacks: set ASSETPAY_API_SECRET");
  }
  const rawBody = await readRawBody(request, MAX_CALLBACK_BYTES);
  if (rawBody === null) return jsonError(413, "too_large", `the body is over ${MAX_CALLBACK_BYTES} bytes`);
  const receivedAtMs = deps.now();
  const check = verifyCallbackSignature({ header: request.headers.get(SIGNATURE_HEADER), rawBody, secret: deps.apiSecret, nowMs: receivedAtMs });
  if (!check.ok) return jsonError(400, check.reason === "stale" ? "stale_signature" : "bad_signature", check.message);
  const body = classifyCallbackBody(rawBody);
  if (body.kind === "malformed") return jsonError(400, "malformed_body", body.reason);

  const outcome = await deps.deliver({
    deliveryId: check.deliveryId,
    signedAt: check.signedAt,
    receivedAtMs,
    body: body.kind === "trade" ? { kind: "trade", payload: body.payload } : body,
  });
  switch (outcome.outcome) {
    case "duplicate":
      return noStoreJson({ deliveryId: check.deliveryId, outcome: "duplicate" }, { status: 200 });
    case "malformed":
      return jsonError(400, "malformed_body", outcome.reason ?? "the trade was refused");
    default:
      return noStoreJson({ deliveryId: check.deliveryId, outcome: outcome.outcome }, { status: 202 });
  }
}
