import { describe, expect, it, vi } from "vitest";
import { SignedOutError, TokenCache, TokenFetchError, refreshDelayMs } from "./token-cache";

function tokenResponse(expiresAt: number, token = "tok") {
  return new Response(JSON.stringify({ token, expiresAt: new Date(expiresAt).toISOString(), wsUrl: "http://127.0.0.1:4010" }), {
    status: 200,
    headers: { "content-type": "application/json" },
  });
}

function fakeTimers() {
  const timers: { at: number; callback: () => void; handle: number }[] = [];
  let next = 1;
  return {
    timers,
    setTimer: (callback: () => void, ms: number) => {
      const handle = next++;
      timers.push({ at: ms, callback, handle });
      return handle;
    },
    clearTimer: (handle: unknown) => {
      const index = timers.findIndex((timer) => timer.handle === handle);
      if (index >= 0) timers.splice(index, 1);
    },
  };
}

describe("refreshDelayMs", () => {
  it("refreshes with at least a minute to spare, well before expiry", () => {
    const fifteenMinutes = 15 * 60_000;
    const delay = refreshDelayMs(0, fifteenMinutes, 0);
    expect(delay).toBe(fifteenMinutes * 0.8);
    expect(refreshDelayMs(0, fifteenMinutes, 1)).toBe(fifteenMinutes * 0.7);
    expect(refreshDelayMs(0, 90_000, 0)).toBe(30_000);
  });
});

describe("TokenCache", () => {
  it("dedupes concurrent fetches into one request", async () => {
    const now = 1_000_000;
    const fetchToken = vi.fn(async () => tokenResponse(now + 900_000));
    const timers = fakeTimers();
    const cache = new TokenCache({ fetchToken, now: () => now, ...timers });
    const [a, b, c] = await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(cache.current()?.token).toBe("tok");
  });

  it("schedules a refresh ahead of expiry and swaps in the new token", async () => {
    let now = 0;
    let serial = 0;
    const fetchToken = vi.fn(async () => tokenResponse(now + 900_000, `tok-${++serial}`));
    const timers = fakeTimers();
    const refreshed = vi.fn();
    const cache = new TokenCache({ fetchToken, now: () => now, random: () => 0.5, onRefreshed: refreshed, ...timers });
    await cache.get();
    expect(timers.timers).toHaveLength(1);
    const scheduled = timers.timers[0];
    expect(scheduled?.at).toBeLessThan(900_000 - 60_000);
    now = scheduled?.at ?? 0;
    scheduled?.callback();
    await vi.waitFor(() => expect(refreshed).toHaveBeenCalledTimes(2));
    expect(cache.current()?.token).toBe("tok-2");
  });

  it("does not hand out a token that is about to expire", async () => {
    let now = 0;
    const fetchToken = vi.fn(async () => tokenResponse(now + 60_000));
    const cache = new TokenCache({ fetchToken, now: () => now, ...fakeTimers() });
    await cache.get();
    now = 50_000;
    expect(cache.current()).toBeNull();
    await cache.get();
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it("treats 401 as signed out and never asks again", async () => {
    const fetchToken = vi.fn(async () => new Response(JSON.stringify({ error: { message: "no session" } }), { status: 401 }));
    const onSignedOut = vi.fn();
    const cache = new TokenCache({ fetchToken, onSignedOut, ...fakeTimers() });
    await expect(cache.get()).rejects.toBeInstanceOf(SignedOutError);
    await expect(cache.get()).rejects.toBeInstanceOf(SignedOutError);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(onSignedOut).toHaveBeenCalledTimes(1);
  });

  it("reports rate limiting with its Retry-After", async () => {
    const fetchToken = vi.fn(
      async () =>
        new Response(JSON.stringify({ error: { message: "slow down" } }), { status: 429, headers: { "retry-after": "7" } }),
    );
    const cache = new TokenCache({ fetchToken, ...fakeTimers() });
    const error = await cache.get().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TokenFetchError);
    expect((error as TokenFetchError).retryAfterMs).toBe(7_000);
    expect((error as TokenFetchError).message).toBe("slow down");
  });

  it("rejects a malformed body instead of caching it", async () => {
    const fetchToken = vi.fn(async () => new Response(JSON.stringify({ token: 5 }), { status: 200 }));
    const cache = new TokenCache({ fetchToken, ...fakeTimers() });
    await expect(cache.get()).rejects.toBeInstanceOf(TokenFetchError);
    expect(cache.current()).toBeNull();
  });
});
