// Runs a list of AssetPay calls a few at a time, and waits out RATE_LIMITED answers (honouring
// Retry-After) instead of failing the whole batch. AssetPay's limits are per merchant and shared by
// every client, so a resync must never fire hundreds of requests at once. Pure of AssetPay specifics
// except the error key; the sleeper is injectable for tests.
import "server-only";
import { AssetPayError } from "./rest-client";

export interface PoolOptions {
  concurrency: number;
  /** Give up waiting on rate limits after this long in total. */
  deadlineMs: number;
  /** When AssetPay says RATE_LIMITED without Retry-After. */
  defaultRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface PoolOutcome<R> {
  results: R[];
  errors: string[];
  requests: number;
  rateLimited: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runRateLimited<T, R>(inputs: readonly T[], task: (input: T) => Promise<R>, options: PoolOptions): Promise<PoolOutcome<R>> {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const deadline = now() + options.deadlineMs;
  const outcome: PoolOutcome<R> = { results: [], errors: [], requests: 0, rateLimited: 0 };
  let next = 0;
  // While one worker waits out a rate limit, the others pause too: hammering a limited API only
  // extends the penalty.
  let pausedUntil = 0;

  async function runOne(input: T): Promise<void> {
    for (;;) {
      const wait = pausedUntil - now();
      if (wait > 0) await sleep(wait);
      outcome.requests += 1;
      try {
        outcome.results.push(await task(input));
        return;
      } catch (error) {
        const limited = error instanceof AssetPayError && error.key === "RATE_LIMITED";
        if (!limited) {
          outcome.errors.push(error instanceof Error ? error.message : String(error));
          return;
        }
        outcome.rateLimited += 1;
        const retryMs = (error.retryAfterSeconds ?? 0) * 1000 || (options.defaultRetryAfterMs ?? 1_000);
        if (now() + retryMs > deadline) {
          outcome.errors.push(`AssetPay rate limit: gave up after waiting ${Math.round(options.deadlineMs / 1000)} s`);
          return;
        }
        pausedUntil = Math.max(pausedUntil, now() + retryMs);
      }
    }
  }

  async function worker(): Promise<void> {
    while (next < inputs.length) {
      const input = inputs[next];
      next += 1;
      if (input !== undefined) await runOne(input);
    }
  }

  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, inputs.length)) }, worker));
  return outcome;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}
