// The merchant `api-key` header check (see docs/assetpay-api.md), compared in constant time.

import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { ApiError } from "../envelope";

/** Constant-time equality that also hides the length of the expected secret. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Returns the key on success; throws MISSING_API_KEY / INVALID_API_KEY otherwise. */
export function requireApiKey(req: IncomingMessage, expected: string): string {
  const header = req.headers["api-key"];
  const given = Array.isArray(header) ? header[0] : header;
  if (!given) throw new ApiError("MISSING_API_KEY", "The api-key header is required");
  if (!sameSecret(given, expected)) throw new ApiError("INVALID_API_KEY", "The API key is invalid");
  return given;
}
