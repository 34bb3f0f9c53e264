import { describe, expect, it } from "vitest";
import { SessionMemo } from "./session-memo";

describe("SessionMemo", () => {
  it("recalls a session until its expiry, then forgets it", () => {
    const memo = new SessionMemo<string>(10);
    memo.remember("a", "ops@example.test", 2_000, 1_000);
    expect(memo.recall("a", 1_999)).toBe("ops@example.test");
    expect(memo.recall("a", 2_000)).toBeNull();
    expect(memo.size).toBe(0);
    expect(memo.recall("b", 1_000)).toBeNull();
  });

  it("does not keep a session that has already lapsed or has no valid expiry", () => {
    const memo = new SessionMemo<string>(10);
    memo.remember("a", "x", 1_000, 1_000);
    memo.remember("b", "x", Number.NaN, 1_000);
    expect(memo.size).toBe(0);
  });

  it("holds at most its capacity, dropping the oldest first", () => {
    const memo = new SessionMemo<number>(3);
    for (let i = 0; i < 5; i += 1) memo.remember(`k${i}`, i, 10_000, 0);
    expect(memo.size).toBe(3);
    expect(memo.recall("k0", 1)).toBeNull();
    expect(memo.recall("k1", 1)).toBeNull();
    expect([memo.recall("k2", 1), memo.recall("k3", 1), memo.recall("k4", 1)]).toEqual([2, 3, 4]);
  });

  it("re-remembering a key refreshes its place and expiry", () => {
    const memo = new SessionMemo<string>(2);
    memo.remember("a", "first", 5_000, 0);
    memo.remember("b", "b", 5_000, 0);
    memo.remember("a", "second", 9_000, 0);
    memo.remember("c", "c", 5_000, 0);
    expect(memo.recall("b", 1)).toBeNull();
    expect(memo.recall("a", 8_000)).toBe("second");
  });
});

describe("SessionMemo forgetting", () => {
  it("forgets one key, or every entry whose value matches", () => {
    const memo = new SessionMemo<string>(10);
    memo.remember("a", "ops@example.test", 5_000, 0);
    memo.remember("b", "ops@example.test", 5_000, 0);
    memo.remember("c", "lead@example.test", 5_000, 0);
    memo.forget("a");
    expect(memo.recall("a", 1)).toBeNull();
    memo.forgetWhere((email) => email === "ops@example.test");
    expect(memo.recall("b", 1)).toBeNull();
    expect(memo.recall("c", 1)).toBe("lead@example.test");
  });
});
