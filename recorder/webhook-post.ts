// One webhook attempt and what its outcome means for the at-most-once promise (lib/db/alert-deliveries.ts):
// a 2xx answer delivered it; an error answer, or a connection that never opened, did not (safe to try
// again); anything else (no answer within the timeout, the connection dropped after the request left,
// a proxy's 408/502/504) may have reached the target, so the outcome is unknown and the alert is not
// posted again.
import "server-only";
import { createHash } from "node:crypto";

export const POST_TIMEOUT_MS = 5_000;

export type AttemptOutcome = { outcome: "delivered" } | { outcome: "failed" | "unknown"; problem: string };

/** Errors raised before a request could reach the target: refused, no such host, no route, TLS refused. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** A proxy's answers for a request it may already have passed on (timeout, bad answer from upstream). */
const MAYBE_FORWARDED: ReadonlySet<number> = new Set([408, 502, 504]);

function codeOf(value: unknown): string | null {
  return typeof value === "object" && value !== null && "code" in value && typeof value.code === "string" ? value.code : null;
}

/** What a thrown fetch error means: never sent (failed) or maybe sent (unknown), in words. */
export function thrownOutcome(error: unknown): AttemptOutcome {
  if (!(error instanceof Error)) return { outcome: "unknown", problem: String(error) };
  if (error.name === "TimeoutError") return { outcome: "unknown", problem: `no answer within ${POST_TIMEOUT_MS / 1000} s` };
  const cause: unknown = error.cause;
  const code = codeOf(cause) ?? codeOf(error);
  const problem = cause instanceof Error ? cause.message : error.message;
  return { outcome: code !== null && NOT_SENT_CODES.has(code) ? "failed" : "unknown", problem };
}

/**
 * The same key on every attempt for one alert, so a receiver that dedupes can: the alert id when it is
 * plain printable ASCII (a header value), else a digest of it.
 */
export function idempotencyKeyOf(alertId: string): string {
  return /^[\x21-\x7e]{1,200}$/.test(alertId) ? alertId : `sha256:${createHash("sha256").update(alertId).digest("hex")}`;
}

export async function postOnce(send: typeof fetch, url: string, alertId: string, body: unknown): Promise<AttemptOutcome> {
  try {
    const response = await send(url, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": idempotencyKeyOf(alertId) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return { outcome: "delivered" };
    return { outcome: MAYBE_FORWARDED.has(response.status) ? "unknown" : "failed", problem: `HTTP ${response.status}` };
  } catch (error) {
    return thrownOutcome(error);
  }
}
