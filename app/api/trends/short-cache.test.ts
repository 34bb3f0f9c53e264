import { describe, expect, it } from "vitest";
import { COST_FACTOR, shortCache } from "./short-cache";

function clock() {
  let ms = 1_000_000;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("shortCache", () => {
  it("keeps a quick read's answer only for the time to live, however busy the machine made it", async () => {
    const time = clock();
    const cache = shortCache<string, number>(() => 5_000, time.now);
    const quick = deferred<number>();
    const answer = cache.get("1h", () => quick.promise);
    time.advance(3_000);
    quick.resolve(1);
    await answer;
    time.advance(5_001);
    expect(await cache.get("1h", () => Promise.resolve(2))).toBe(2);
  });

  it("shares one running read among callers, and keeps its answer for the time to live after it arrives", async () => {
    const time = clock();
    const cache = shortCache<string, number>(() => 5_000, time.now);
    let reads = 0;
    const first = deferred<number>();
    const a = cache.get("24h", () => (reads++, first.promise));
    const b = cache.get("24h", () => (reads++, Promise.resolve(2)));
    expect(reads).toBe(1);
    time.advance(100); // still running: still shared
    const c = cache.get("24h", () => (reads++, Promise.resolve(3)));
    expect(reads).toBe(1);
    first.resolve(1);
    expect(await Promise.all([a, b, c])).toEqual([1, 1, 1]);
    time.advance(4_999);
    expect(await cache.get("24h", () => (reads++, Promise.resolve(4)))).toBe(1);
    time.advance(2);
    expect(await cache.get("24h", () => (reads++, Promise.resolve(5)))).toBe(5);
    expect(reads).toBe(2);
  });

  it("keeps a slow read's answer for ten times what it took, so it cannot occupy the store back to back", async () => {
    const time = clock();
    const cache = shortCache<string, number>(() => 60_000, time.now);
    const slow = deferred<number>();
    const answer = cache.get("7d", () => slow.promise);
    time.advance(120_000); // the read took two minutes
    slow.resolve(7);
    await answer;
    time.advance(COST_FACTOR * 120_000 - 1);
    expect(await cache.get("7d", () => Promise.resolve(8))).toBe(7);
    time.advance(2);
    expect(await cache.get("7d", () => Promise.resolve(9))).toBe(9);
  });

  it("forgets a failed read at once, so the next caller tries again", async () => {
    const time = clock();
    const cache = shortCache<string, number>(() => 60_000, time.now);
    const failing = deferred<number>();
    const answer = cache.get("1h", () => failing.promise);
    failing.reject(new Error("store unreachable"));
    await expect(answer).rejects.toThrow("store unreachable");
    expect(await cache.get("1h", () => Promise.resolve(1))).toBe(1);
  });
});
