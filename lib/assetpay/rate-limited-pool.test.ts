import { describe, expect, it } from "vitest";
import { chunk, runRateLimited } from "./rate-limited-pool";
import { AssetPayError } from "./rest-client";

function virtualClock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

describe("runRateLimited", () => {
  it("runs every input with bounded concurrency", async () => {
    let running = 0;
    let peak = 0;
    const outcome = await runRateLimited(
      [1, 2, 3, 4, 5, 6, 7],
      async (n) => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running -= 1;
        return n * 2;
      },
      { concurrency: 3, deadlineMs: 1_000 },
    );
    expect(outcome.results.sort((a, b) => a - b)).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(peak).toBe(3);
    expect(outcome.requests).toBe(7);
  });

  it("waits out RATE_LIMITED with Retry-After and then succeeds", async () => {
    const clock = virtualClock();
    let calls = 0;
    const outcome = await runRateLimited(
      ["a"],
      async (input) => {
        calls += 1;
        if (calls === 1) throw new AssetPayError({ key: "RATE_LIMITED", message: "slow", retryAfterSeconds: 3 });
        return input;
      },
      { concurrency: 2, deadlineMs: 10_000, ...clock },
    );
    expect(outcome.results).toEqual(["a"]);
    expect(outcome.rateLimited).toBe(1);
    expect(clock.now()).toBe(3_000);
  });

  it("gives up past the deadline and reports it", async () => {
    const clock = virtualClock();
    const outcome = await runRateLimited(
      ["a"],
      async () => {
        throw new AssetPayError({ key: "RATE_LIMITED", message: "slow", retryAfterSeconds: 60 });
      },
      { concurrency: 1, deadlineMs: 5_000, ...clock },
    );
    expect(outcome.results).toEqual([]);
    expect(outcome.errors[0]).toMatch(/rate limit/);
  });

  it("records other failures without stopping the rest", async () => {
    const outcome = await runRateLimited(
      [1, 2, 3],
      async (n) => {
        if (n === 2) throw new AssetPayError({ key: "SERVER_ERROR", message: "boom" });
        return n;
      },
      { concurrency: 1, deadlineMs: 1_000 },
    );
    expect(outcome.results).toEqual([1, 3]);
    expect(outcome.errors).toEqual(["boom"]);
  });
});

describe("chunk", () => {
  it("splits into batches of the given size", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 100)).toEqual([]);
  });
});
