// Per-staff-member request limits on routes a runaway tab (or a script riding a stolen cookie) could
// flood. Keyed by the signed-in identity the session check established, never by the cookie header:
// a client can change its cookies at will (junk cookies, several sessions of one account), not who
// it is. In memory, per server process; a sliding window (./window-limiter).
import "server-only";
import type { NextResponse } from "next/server";
import { jsonError } from "@/lib/http/json";
import { retryAfterHeader } from "@/lib/http/retry-after";
import { processSingleton } from "./process-singleton";
import { WindowLimiter } from "./window-limiter";

export interface StaffRateLimit {
  /** Null when the request may go on; otherwise the 429 JSON answer (with Retry-After) to return. */
  refuse(email: string): NextResponse | null;
}

/** `what` names the requests in the refusal ("token requests"); `name` keeps one limiter per route. */
export function staffRateLimit(name: string, perMinute: number, what: string): StaffRateLimit {
  const limiter = () => processSingleton(`staff-rate-limit.${name}`, () => new WindowLimiter({ limit: perMinute, windowMs: 60_000 }));
  return {
    refuse(email) {
      const verdict = limiter().take(`staff:${email.toLowerCase()}`);
      if (verdict.allowed) return null;
      return jsonError(
        429,
        "too_many_requests",
        `Too many ${what} from this staff account; try again in ${verdict.retryAfterSeconds} s`,
        retryAfterHeader(verdict.retryAfterSeconds),
      );
    },
  };
}
