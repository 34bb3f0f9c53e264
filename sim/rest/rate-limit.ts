// Per-API-key request budget per minute across the REST API (per merchant, 429 RATE_LIMITED; see
// docs/assetpay-api.md).
// Fixed one-minute windows starting at a key's first request; Retry-After says when the window ends.

import type { Clock } from "../engine/time";

export class RateLimiter {
  private readonly windows = new Map<string, { startMs: number; count: number }>();
  /** Every REST request since start, and those refused with 429 (tests count what a client spent). */
  readonly totals = { requests: 0, rateLimited: 0 };

  constructor(
    public perMinute: number,
    private readonly clock: Clock,
  ) {}

  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.clock.now();
    let window = this.windows.get(key);
    if (!window || now - window.startMs >= 60_000) {
      window = { startMs: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    this.totals.requests++;
    if (window.count <= this.perMinute) return { ok: true };
    this.totals.rateLimited++;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startMs + 60_000 - now) / 1000)) };
  }
}
