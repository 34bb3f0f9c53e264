import { describe, expect, it, vi } from "vitest";
import { memoryLimitStore, SignInLimits, withFallback, type LimitStore } from "./sign-in-limits";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("SignInLimits", () => {
  it("locks an address after 5 failures, whatever emails it tried", async () => {
    const limits = new SignInLimits(memoryLimitStore(clock().now));
    for (let i = 0; i < 5; i++) {
      expect(await limits.check("10.0.0.1", `guess-${i}@x.test`)).toEqual({ allowed: true });
      await limits.fail("10.0.0.1", `guess-${i}@x.test`);
    }
    expect(await limits.check("10.0.0.1", "ops@x.test")).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(await limits.check("10.0.0.2", "ops@x.test")).toEqual({ allowed: true });
  });

  it("locks an account after 10 failures from 10 addresses, from every address, any case", async () => {
    const time = clock();
    const limits = new SignInLimits(memoryLimitStore(time.now));
    for (let i = 0; i < 10; i++) {
      expect(await limits.check(`10.0.1.${i}`, "ops@x.test")).toEqual({ allowed: true });
      await limits.fail(`10.0.1.${i}`, i % 2 ? "OPS@x.test" : " ops@x.test");
    }
    expect(await limits.check("10.0.2.1", "ops@x.test")).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(await limits.check("10.0.2.1", "other@x.test")).toEqual({ allowed: true });
    // Backoff: the next failure after the lockout doubles it.
    time.advance(30_000);
    expect(await limits.check("10.0.2.1", "ops@x.test")).toEqual({ allowed: true });
    await limits.fail("10.0.2.1", "ops@x.test");
    expect(await limits.check("10.0.2.2", "ops@x.test")).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it("a success clears the address and the account", async () => {
    const limits = new SignInLimits(memoryLimitStore(clock().now));
    for (let i = 0; i < 4; i++) await limits.fail("10.0.0.1", "ops@x.test");
    await limits.succeed("10.0.0.1", "ops@x.test");
    for (let i = 0; i < 4; i++) await limits.fail("10.0.0.1", "ops@x.test");
    expect(await limits.check("10.0.0.1", "ops@x.test")).toEqual({ allowed: true });
  });
});

describe("withFallback", () => {
  it("counts in the fallback while the shared store fails, and says so", async () => {
    const broken: LimitStore = {
      lockedForSeconds: () => Promise.reject(new Error("db down")),
      fail: () => Promise.reject(new Error("db down")),
      succeed: () => Promise.reject(new Error("db down")),
    };
    const warn = vi.fn();
    const limits = new SignInLimits(withFallback(broken, memoryLimitStore(clock().now), warn));
    for (let i = 0; i < 5; i++) await limits.fail("10.0.0.1", "");
    expect(await limits.check("10.0.0.1", "")).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("db down"));
  });
});
