// A sliding-window request counter: at most `limit` takes per key in any `windowMs`. Pure and
// clock-injectable; remembers at most `maxKeys` keys (least recently used forgotten first) so a
// flood of keys cannot exhaust memory.

export interface WindowLimiterOptions {
  limit: number;
  windowMs: number;
  maxKeys?: number;
  now?: () => number;
}

export type WindowVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class WindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: WindowLimiterOptions) {
    this.limit = Math.max(1, Math.floor(options.limit));
    this.windowMs = options.windowMs;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Counts one request for `key` when allowed; refused requests do not count. */
  take(key: string): WindowVerdict {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => now - at < this.windowMs);
    this.hits.delete(key); // re-inserted below: Map order is then least recently used first
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    for (const stale of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(stale);
    }
    return { allowed: true };
  }
}
