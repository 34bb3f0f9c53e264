// Per-session rate limit on POST /api/assetpay/token. A tab needs a token every ~15 min plus one per
// reconnect; anything near 30 a minute is a runaway loop (or a script riding a stolen cookie) burning
// the merchant's AssetPay quota, which every other tab shares. In memory, per server process.
// The key is a hash of the session cookie, so the cookie itself is never kept or logged.
import "server-only";
import type { NextResponse } from "next/server";
import { jsonError } from "@/lib/http/json";
import { retryAfterHeader } from "@/lib/http/retry-after";
import { processSingleton } from "./process-singleton";
import { sessionCookieDigest } from "./session-cookie";
import { WindowLimiter } from "./window-limiter";

export const TOKEN_REQUESTS_PER_MINUTE = 30;

function limiter(): WindowLimiter {
  return processSingleton("token-rate-limit", () => new WindowLimiter({ limit: TOKEN_REQUESTS_PER_MINUTE, windowMs: 60_000 }));
}

/** The session cookie (all chunks, in order) as a hash; falls back to the staff email. */
export function sessionKey(cookieHeader: string | null, email: string): string {
  const digest = sessionCookieDigest(cookieHeader);
  return digest === null ? `staff:${email}` : `session:${digest}`;
}

/** Call after the session check: null when the request may go on, else the 429 to return. */
export function refuseOverTokenRateLimit(request: Request, email: string): NextResponse | null {
  const verdict = limiter().take(sessionKey(request.headers.get("cookie"), email));
  if (verdict.allowed) return null;
  return jsonError(
    429,
    "too_many_requests",
    `Too many token requests from this session; try again in ${verdict.retryAfterSeconds} s`,
    retryAfterHeader(verdict.retryAfterSeconds),
  );
}
