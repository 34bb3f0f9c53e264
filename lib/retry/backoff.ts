// Capped exponential backoff with "equal jitter": half the delay is fixed, half random, so retries from
// many tabs spread out but none waits less than half its step. Pure: the caller supplies randomness.
// Shared by the browser's connection manager and the recorder's socket: no I/O, and no imports from
// either island.
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 30_000 };

/** Delay before retry number `attempt` (1-based). */
export function backoffDelayMs(attempt: number, random: number, policy: BackoffPolicy = RECONNECT_BACKOFF): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random);
}
