import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bucketConfig, memoryBudgetStore, pauseBucket, RateBudget, takeToken } from "./rate-budget";
import { AssetPayError, createAssetPayClient, parseRetryAfter } from "./rest-client";

function virtualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), advance: (ms: number) => void (now += ms) };
}

async function caught(promise: Promise<unknown>): Promise<AssetPayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AssetPayError) return error;
    throw error;
  }
  throw new Error("expected an AssetPayError");
}

describe("the token bucket", () => {
  const config = bucketConfig(60);

  it("allows a burst of a sixth of the minute's rate, then one per second", () => {
    expect(config).toEqual({ perMinute: 60, burst: 10 });
    let state = null;
    for (let i = 0; i < 10; i += 1) {
      const taken = takeToken(state, 0, config);
      expect(taken.waitMs).toBe(0);
      state = taken.state;
    }
    const refused = takeToken(state, 0, config);
    expect(refused.waitMs).toBe(1_000);
    expect(takeToken(refused.state, 999, config).waitMs).toBe(1);
    expect(takeToken(refused.state, 1_000, config).waitMs).toBe(0);
  });

  it("never sends more than burst + rate in any minute, however hard it is asked", () => {
    let state = null;
    let sent = 0;
    for (let at = 0; at < 60_000; at += 50) {
      const taken = takeToken(state, at, config);
      state = taken.state;
      if (taken.waitMs === 0) sent += 1;
    }
    expect(sent).toBeLessThanOrEqual(70);
    expect(sent).toBeGreaterThanOrEqual(60);
  });

  it("a pause holds every take until it ends, then resumes at the steady rate from an empty bucket", () => {
    const paused = pauseBucket(null, 30_000, 0, config);
    expect(takeToken(paused, 29_000, config).waitMs).toBe(1_000);
    const after = takeToken(paused, 30_000, config);
    expect(after.waitMs).toBe(1_000);
    expect(takeToken(after.state, 31_000, config).waitMs).toBe(0);
    // A shorter pause never cuts a longer one short.
    expect(pauseBucket(paused, 5_000, 0, config).pausedUntilMs).toBe(30_000);
  });
});

describe("RateBudget", () => {
  it("waits for the bucket within maxWaitMs, and refuses as RATE_LIMITED beyond it, asking nothing", async () => {
    const clock = virtualClock();
    const budget = new RateBudget(memoryBudgetStore(bucketConfig(6), clock.now), clock);
    await budget.acquire(0);
    const start = clock.now();
    await budget.acquire(20_000);
    expect(clock.now() - start).toBe(10_000);
    const refused = await caught(budget.acquire(5_000));
    expect(refused).toMatchObject({ key: "RATE_LIMITED", httpStatus: null, retryAfterSeconds: 10 });
  });

  it("one 429 pauses every caller sharing the budget until Retry-After", async () => {
    const clock = virtualClock();
    const store = memoryBudgetStore(bucketConfig(600), clock.now);
    const recorder = new RateBudget(store, clock);
    const dashboard = new RateBudget(store, clock);
    await recorder.rateLimited(12);
    expect(await caught(dashboard.acquire(5_000))).toMatchObject({ key: "RATE_LIMITED", retryAfterSeconds: 12 });
    const start = clock.now();
    await dashboard.acquire(15_000);
    expect(clock.now() - start).toBeGreaterThanOrEqual(12_000);
  });

  it("pauses for 30 s when AssetPay gives no Retry-After", async () => {
    const clock = virtualClock();
    const budget = new RateBudget(memoryBudgetStore(bucketConfig(600), clock.now), clock);
    await budget.rateLimited(null);
    expect(await caught(budget.acquire(0))).toMatchObject({ retryAfterSeconds: 30 });
  });
});

describe("the REST client on a budget", () => {
  it("takes from the budget before each request and pauses it on AssetPay's 429 with Retry-After", async () => {
    const clock = virtualClock(Date.parse("2030-01-01T00:00:00Z"));
    const budget = new RateBudget(memoryBudgetStore(bucketConfig(600), clock.now), clock);
    let calls = 0;
    const client = createAssetPayClient({
      baseUrl: "http://127.0.0.1:1",
      apiKey: "k",
      budget,
      now: clock.now,
      fetch: async () => {
        calls += 1;
        return new Response(JSON.stringify({ success: false, error: { key: "RATE_LIMITED", code: 1005 } }), {
          status: 429,
          headers: { "retry-after": "Tue, 01 Jan 2030 00:00:40 GMT" },
        });
      },
    });
    expect(await caught(client.request("/x", z.unknown()))).toMatchObject({ key: "RATE_LIMITED", httpStatus: 429, retryAfterSeconds: 40 });
    // Everyone now waits: the next request is refused locally, AssetPay is not asked again.
    expect(await caught(client.request("/x", z.unknown()))).toMatchObject({ key: "RATE_LIMITED", httpStatus: null });
    expect(calls).toBe(1);
    clock.advance(40_000);
    await caught(client.request("/x", z.unknown()));
    expect(calls).toBe(2);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2030-01-01T00:00:00Z");
  it.each([
    ["7", 7],
    [" 15 ", 15],
    ["Tue, 01 Jan 2030 00:01:00 GMT", 60],
    ["Tue, 01 Jan 2030 00:00:00 GMT", 0],
    ["Mon, 31 Dec 2029 23:00:00 GMT", 0],
    ["-3", null],
    ["later", null],
  ])("%j → %j seconds", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
