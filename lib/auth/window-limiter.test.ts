import { describe, expect, it } from "vitest";
import { WindowLimiter } from "./window-limiter";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("WindowLimiter", () => {
  it("allows `limit` requests per window, then says when the oldest one leaves it", () => {
    const time = clock();
    const limiter = new WindowLimiter({ limit: 3, windowMs: 60_000, now: time.now });
    expect(limiter.take("a")).toEqual({ allowed: true });
    time.advance(10_000);
    expect(limiter.take("a")).toEqual({ allowed: true });
    expect(limiter.take("a")).toEqual({ allowed: true });
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 50 });
    time.advance(49_000);
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    time.advance(1_000);
    expect(limiter.take("a")).toEqual({ allowed: true });
  });

  it("counts keys separately and does not count refused requests", () => {
    const time = clock();
    const limiter = new WindowLimiter({ limit: 1, windowMs: 1_000, now: time.now });
    expect(limiter.take("a").allowed).toBe(true);
    for (let i = 0; i < 5; i++) expect(limiter.take("a").allowed).toBe(false);
    expect(limiter.take("b").allowed).toBe(true);
    time.advance(1_000);
    expect(limiter.take("a").allowed).toBe(true);
  });

  it("forgets the least recently used keys beyond maxKeys", () => {
    const limiter = new WindowLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2, now: () => 0 });
    limiter.take("a");
    limiter.take("b");
    limiter.take("c");
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("c").allowed).toBe(false);
  });
});
