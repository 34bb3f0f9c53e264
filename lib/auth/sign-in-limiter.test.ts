import { describe, expect, it } from "vitest";
import { SignInLimiter, tooManyAttemptsMessage } from "./sign-in-limiter";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("SignInLimiter", () => {
  it("allows four failures, refuses after the fifth for 30 s, then lets one more try through", () => {
    const time = clock();
    const limiter = new SignInLimiter({ now: time.now });
    for (let i = 0; i < 4; i++) {
      expect(limiter.check("1.2.3.4")).toEqual({ allowed: true });
      limiter.fail("1.2.3.4");
    }
    expect(limiter.check("1.2.3.4")).toEqual({ allowed: true });
    limiter.fail("1.2.3.4");
    expect(limiter.check("1.2.3.4")).toEqual({ allowed: false, retryAfterSeconds: 30 });
    time.advance(10_500);
    expect(limiter.check("1.2.3.4")).toEqual({ allowed: false, retryAfterSeconds: 20 });
    time.advance(19_500);
    expect(limiter.check("1.2.3.4")).toEqual({ allowed: true });
  });

  it("doubles the wait for each further failure, up to the cap", () => {
    const time = clock();
    const limiter = new SignInLimiter({ now: time.now, maxLockMs: 100_000 });
    for (let i = 0; i < 5; i++) limiter.fail("k");
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const verdict = limiter.check("k");
      if (verdict.allowed) throw new Error("expected a refusal");
      waits.push(verdict.retryAfterSeconds);
      time.advance(verdict.retryAfterSeconds * 1000);
      limiter.fail("k");
    }
    expect(waits).toEqual([30, 60, 100, 100]);
  });

  it("forgets failures older than the window", () => {
    const time = clock();
    const limiter = new SignInLimiter({ now: time.now });
    for (let i = 0; i < 4; i++) limiter.fail("k");
    time.advance(15 * 60_000);
    limiter.fail("k");
    expect(limiter.check("k")).toEqual({ allowed: true });
  });

  it("keeps addresses apart and clears one on success", () => {
    const limiter = new SignInLimiter();
    for (let i = 0; i < 5; i++) limiter.fail("a");
    expect(limiter.check("a").allowed).toBe(false);
    expect(limiter.check("b").allowed).toBe(true);
    limiter.succeed("a");
    expect(limiter.check("a").allowed).toBe(true);
  });

  it("remembers a bounded number of addresses", () => {
    const limiter = new SignInLimiter({ maxKeys: 3, maxFailures: 1 });
    for (const key of ["a", "b", "c", "d"]) limiter.fail(key);
    expect(limiter.check("a").allowed).toBe(true); // the oldest was forgotten
    expect(limiter.check("d").allowed).toBe(false);
  });

  it("words the refusal", () => {
    expect(tooManyAttemptsMessage(12)).toBe("Too many attempts, try again in 12 s");
  });
});
