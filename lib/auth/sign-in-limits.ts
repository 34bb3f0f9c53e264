// The two limits on password guessing, checked together before any bcrypt work:
// - per client address (lib/auth/client-address.ts): 5 failures in 15 min lock that address;
// - per account (the email tried, lowercased): 10 failures in 15 min lock that email from every
//   address, so a guesser spread over many addresses still gets few tries at one account.
// Each lockout starts at 30 s and doubles with every further failure, up to 15 min. A success clears
// both keys. The counts live in a LimitStore: in this process, or in PostgreSQL shared by every
// instance (./shared-limit-store). Never sees passwords.
import type { LimitRules } from "@/lib/db/sign-in-limits";
import { SignInLimiter, type LimiterVerdict } from "./sign-in-limiter";

export const ADDRESS_RULES: LimitRules = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 30_000, maxLockMs: 15 * 60_000 };
export const ACCOUNT_RULES: LimitRules = { maxFailures: 10, windowMs: 15 * 60_000, lockMs: 30_000, maxLockMs: 15 * 60_000 };

/** Emails are at most 320 characters; anything longer is cut so a key stays small. */
export const MAX_ACCOUNT_KEY_LENGTH = 320;

export interface LimitStore {
  /** Seconds `key` stays locked (0: it may try). */
  lockedForSeconds(key: string): Promise<number>;
  fail(key: string, rules: LimitRules): Promise<void>;
  succeed(key: string): Promise<void>;
}

export const addressKey = (address: string) => `address:${address}`;
export const accountKey = (email: string) => `account:${email.trim().toLowerCase().slice(0, MAX_ACCOUNT_KEY_LENGTH)}`;

/** Counts in this process only: one SignInLimiter per set of rules. */
export function memoryLimitStore(now?: () => number): LimitStore {
  const limiters = new Map<LimitRules, SignInLimiter>();
  const limiterFor = (rules: LimitRules) => {
    let limiter = limiters.get(rules);
    if (!limiter) {
      limiter = new SignInLimiter({ ...rules, ...(now ? { now } : {}) });
      limiters.set(rules, limiter);
    }
    return limiter;
  };
  return {
    async lockedForSeconds(key) {
      let seconds = 0;
      for (const limiter of limiters.values()) {
        const verdict = limiter.check(key);
        if (!verdict.allowed) seconds = Math.max(seconds, verdict.retryAfterSeconds);
      }
      return seconds;
    },
    async fail(key, rules) {
      limiterFor(rules).fail(key);
    },
    async succeed(key) {
      for (const limiter of limiters.values()) limiter.succeed(key);
    },
  };
}

/** `primary` (the shared database), and `fallback` for any call it fails: sign-in never breaks on it. */
export function withFallback(primary: LimitStore, fallback: LimitStore, warn: (line: string) => void = console.warn): LimitStore {
  const guarded =
    <A extends unknown[], R>(call: (store: LimitStore, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(primary, ...args);
      } catch (error) {
        warn(`[auth] shared sign-in limits unavailable, counting in this process: ${error instanceof Error ? error.message : String(error)}`);
        return call(fallback, ...args);
      }
    };
  return {
    lockedForSeconds: guarded((store, key: string) => store.lockedForSeconds(key)),
    fail: guarded((store, key: string, rules: LimitRules) => store.fail(key, rules)),
    succeed: guarded((store, key: string) => store.succeed(key)),
  };
}

export class SignInLimits {
  constructor(private readonly store: LimitStore) {}

  async check(address: string, email: string): Promise<LimiterVerdict> {
    const [byAddress, byAccount] = await Promise.all([
      this.store.lockedForSeconds(addressKey(address)),
      email ? this.store.lockedForSeconds(accountKey(email)) : Promise.resolve(0),
    ]);
    const seconds = Math.max(byAddress, byAccount);
    return seconds > 0 ? { allowed: false, retryAfterSeconds: seconds } : { allowed: true };
  }

  async fail(address: string, email: string): Promise<void> {
    await Promise.all([
      this.store.fail(addressKey(address), ADDRESS_RULES),
      email ? this.store.fail(accountKey(email), ACCOUNT_RULES) : Promise.resolve(),
    ]);
  }

  async succeed(address: string, email: string): Promise<void> {
    await Promise.all([this.store.succeed(addressKey(address)), this.store.succeed(accountKey(email))]);
  }
}
