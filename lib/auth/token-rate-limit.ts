// Per-staff limit on POST /api/assetpay/token. A tab needs a token every ~15 min plus one per
// reconnect, and a burst of tab opens is answered from the server's token cache; anything near 30 a
// minute from one staff member is a runaway loop or a script, which (with API-minted tokens) would
// burn the merchant's AssetPay quota that the merchant's payment backend shares.
import "server-only";
import type { NextResponse } from "next/server";
import { staffRateLimit } from "./staff-rate-limit";

export const TOKEN_REQUESTS_PER_MINUTE = 30;

const tokenLimit = staffRateLimit("token", TOKEN_REQUESTS_PER_MINUTE, "token requests");

/** Call after the session check with the staff member's email: null when the request may go on, else the 429 to return. */
export function refuseOverTokenRateLimit(email: string): NextResponse | null {
  return tokenLimit.refuse(email);
}
