// Slows down password guessing: counts failed sign-ins per key and, past a threshold, refuses further
// tries for a growing while. In memory, per server process: the in-process store of ./sign-in-limits
// (which keys it by address and by account; with DATABASE_URL the counts live in the shared database).
// It never sees passwords, only keys and outcomes.

export interface LimiterOptions {
  /** Failures inside `windowMs` before tries are refused. */
  maxFailures?: number;
  windowMs?: number;
  /** First lockout; each further failure doubles it, up to `maxLockMs`. */
  lockMs?: number;
  maxLockMs?: number;
  /** Addresses remembered at most (oldest forgotten first), so a flood cannot exhaust memory. */
  maxKeys?: number;
  now?: () => number;
}

export type LimiterVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Entry {
  failures: number[];
  lockedUntil: number;
}

export class SignInLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly lockMs: number;
  private readonly maxLockMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: LimiterOptions = {}) {
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = options.windowMs ?? 15 * 60_000;
    this.lockMs = options.lockMs ?? 30_000;
    this.maxLockMs = options.maxLockMs ?? 15 * 60_000;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  check(key: string): LimiterVerdict {
    const entry = this.entries.get(key);
    const now = this.now();
    if (!entry || entry.lockedUntil <= now) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.ceil((entry.lockedUntil - now) / 1000) };
  }

  fail(key: string): void {
    const now = this.now();
    const entry = this.entries.get(key) ?? { failures: [], lockedUntil: 0 };
    entry.failures = entry.failures.filter((at) => now - at < this.windowMs);
    entry.failures.push(now);
    const over = entry.failures.length - this.maxFailures;
    if (over >= 0) entry.lockedUntil = now + Math.min(this.lockMs * 2 ** Math.min(over, 20), this.maxLockMs);
    this.entries.delete(key); // re-insert: Map order is then least-recently-failed first
    this.entries.set(key, entry);
    this.evict(now);
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }

  private evict(now: number): void {
    if (this.entries.size <= this.maxKeys) return;
    for (const [key, entry] of this.entries) {
      const stale = entry.lockedUntil <= now && entry.failures.every((at) => now - at >= this.windowMs);
      if (stale) this.entries.delete(key);
    }
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxKeys) break;
      this.entries.delete(key);
    }
  }
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  return `Too many attempts, try again in ${retryAfterSeconds} s`;
}
