// The one AssetPay rate budget: every REST call the server makes (the recorder's reconcile, API-minted
// client tokens, the balance) first takes a token from a bucket that refills at a steady rate well under
// AssetPay's per-merchant limit, which the merchant's own payment backend shares. The first 429 pauses
// the whole bucket until Retry-After, for every caller at once: hammering a limited API only extends
// the penalty. Where the bucket lives (this process, the recorder, PostgreSQL) is a BudgetStore; the
// arithmetic here is pure and clock-injected. See docs/architecture.md#assetpay-budget.
import "server-only";
import { AssetPayError } from "./rest-client";

export interface BucketConfig {
  /** Tokens added per minute: the sustained request rate. */
  perMinute: number;
  /** Most tokens the bucket holds: the largest burst. */
  burst: number;
}

export interface BucketState {
  tokens: number;
  /** Epoch ms of the last refill. */
  refilledAtMs: number;
  /** Epoch ms before which nothing may be sent (AssetPay said 429). */
  pausedUntilMs: number;
}

/**
 * A burst of a sixth of the minute's rate: in any 60 s window at most burst + perMinute requests go
 * out (70 at the default 60), still under AssetPay's smallest documented limit (100/min).
 */
export function bucketConfig(perMinute: number): BucketConfig {
  return { perMinute, burst: Math.max(1, Math.round(perMinute / 6)) };
}

function refilled(state: BucketState | null, nowMs: number, config: BucketConfig): BucketState {
  if (state === null) return { tokens: config.burst, refilledAtMs: nowMs, pausedUntilMs: 0 };
  const elapsed = Math.max(0, nowMs - state.refilledAtMs);
  const tokens = Math.min(config.burst, state.tokens + (elapsed * config.perMinute) / 60_000);
  return { tokens, refilledAtMs: Math.max(nowMs, state.refilledAtMs), pausedUntilMs: state.pausedUntilMs };
}

/** Takes one token when there is one (waitMs 0); otherwise takes nothing and says how long to wait. */
export function takeToken(state: BucketState | null, nowMs: number, config: BucketConfig): { state: BucketState; waitMs: number } {
  const next = refilled(state, nowMs, config);
  if (nowMs < next.pausedUntilMs) return { state: next, waitMs: next.pausedUntilMs - nowMs };
  if (next.tokens >= 1) return { state: { ...next, tokens: next.tokens - 1 }, waitMs: 0 };
  // The epsilon keeps float dust (0.999… tokens) from adding a whole millisecond.
  return { state: next, waitMs: Math.max(1, Math.ceil(((1 - next.tokens) * 60_000) / config.perMinute - 1e-9)) };
}

/** After a 429: nothing until `untilMs`, then an empty bucket, so sending resumes at the steady rate. */
export function pauseBucket(state: BucketState | null, untilMs: number, nowMs: number, config: BucketConfig): BucketState {
  const next = refilled(state, nowMs, config);
  return { tokens: 0, refilledAtMs: Math.max(next.refilledAtMs, untilMs), pausedUntilMs: Math.max(next.pausedUntilMs, untilMs) };
}

/** Where the bucket's state lives; each operation is atomic for everyone sharing the store. */
export interface BudgetStore {
  /** 0: a token was taken; otherwise ms to wait before asking again (nothing taken). */
  take(): Promise<number>;
  /** Pauses the bucket for `ms` from now (never shortens a longer pause). */
  pause(ms: number): Promise<void>;
}

/** A bucket in this process's memory. */
export function memoryBudgetStore(config: BucketConfig, now: () => number = () => Date.now()): BudgetStore {
  let state: BucketState | null = null;
  return {
    async take() {
      const result = takeToken(state, now(), config);
      state = result.state;
      return result.waitMs;
    },
    async pause(ms) {
      const at = now();
      state = pauseBucket(state, at + ms, at, config);
    },
  };
}

/** When AssetPay answers 429 without Retry-After. */
export const DEFAULT_PAUSE_SECONDS = 30;

export interface RateBudgetOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RateBudget {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly store: BudgetStore,
    options: RateBudgetOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? realSleep;
  }

  /**
   * Resolves once a request may go out. When that would take longer than `maxWaitMs`, throws a local
   * RATE_LIMITED AssetPayError (no HTTP status: AssetPay was not asked) saying when to try again, so
   * callers treat it exactly like AssetPay's own 429.
   */
  async acquire(maxWaitMs: number): Promise<void> {
    const deadline = this.now() + maxWaitMs;
    for (;;) {
      const waitMs = await this.store.take();
      if (waitMs <= 0) return;
      if (this.now() + waitMs > deadline) {
        const seconds = Math.max(1, Math.ceil(waitMs / 1000));
        throw new AssetPayError({
          key: "RATE_LIMITED",
          message: `the dashboard's AssetPay request budget is spent for now; next request in ${seconds} s`,
          retryAfterSeconds: seconds,
        });
      }
      await this.sleep(waitMs);
    }
  }

  /** AssetPay said 429: everyone sharing this budget stops until Retry-After (or the default). */
  async rateLimited(retryAfterSeconds: number | null): Promise<void> {
    await this.store.pause((retryAfterSeconds ?? DEFAULT_PAUSE_SECONDS) * 1000);
  }
}
