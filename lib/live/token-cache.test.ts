import { describe, expect, it, vi } from "vitest";
import { MIN_REFRESH_INTERVAL_MS, SignedOutError, TokenCache, TokenFetchError, refreshDelayMs, tokenDigest, type TokenRequest } from "./token-cache";

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

const LIFETIMES_S = [30, 45, 75, 900, 86_400];

describe("refreshDelayMs", () => {
  it("keeps the 15-minute default as before: 80 % of the lifetime, minus up to 10 % jitter", () => {
    const fifteenMinutes = 15 * 60_000;
    expect(refreshDelayMs(0, fifteenMinutes, 0)).toBe(fifteenMinutes * 0.8);
    expect(refreshDelayMs(0, fifteenMinutes, 1)).toBe(fifteenMinutes * 0.7);
  });

  it.each(LIFETIMES_S)("refreshes a %i s token well inside its life, never at once", (seconds) => {
    const lifetime = seconds * 1_000;
    for (const random of [0, 0.5, 0.999]) {
      const delay = refreshDelayMs(0, lifetime, random);
      // At least 10 s (or half the life) before expiry: time to mint and open the next socket.
      expect(lifetime - delay).toBeGreaterThanOrEqual(Math.min(10_000, lifetime / 2));
      // The token is used for at least 40 % of its life, so mints stay ≈ elapsed / lifetime.
      expect(delay).toBeGreaterThanOrEqual(lifetime * 0.4);
      expect(delay).toBeGreaterThanOrEqual(MIN_REFRESH_INTERVAL_MS);
    }
  });

  it("short tokens: 10 s lead for 30 s and 45 s; 20 % for 75 s", () => {
    expect(refreshDelayMs(0, 30_000, 0)).toBe(20_000);
    expect(refreshDelayMs(0, 45_000, 0)).toBe(35_000);
    expect(refreshDelayMs(0, 75_000, 0)).toBe(60_000);
  });

  it("never refreshes more often than every few seconds, even for a token that is already expired", () => {
    expect(refreshDelayMs(0, 1_000, 0)).toBe(MIN_REFRESH_INTERVAL_MS);
    expect(refreshDelayMs(5_000, 0, 0.5)).toBe(MIN_REFRESH_INTERVAL_MS);
  });
});

/** Runs a token cache against a token route minting `lifetimeMs` tokens for `elapsedMs` of fake time. */
async function runFor(lifetimeMs: number, elapsedMs: number, random: () => number) {
  let now = 0;
  let serial = 0;
  const fetchToken = vi.fn(async () => tokenResponse(now + lifetimeMs, `tok-${++serial}`));
  const timers = fakeTimers();
  const cache = new TokenCache({ fetchToken, now: () => now, random, setTimer: (cb, ms) => timers.setTimer(cb, now + ms), clearTimer: timers.clearTimer });
  await cache.get();
  let worstRemaining = Number.POSITIVE_INFINITY;
  while (now < elapsedMs) {
    const next = timers.timers.reduce((a, b) => (b.at < a.at ? b : a));
    // Between refreshes the token in hand is still valid (and handed out): no gap for a reconnect.
    now = next.at - 1;
    worstRemaining = Math.min(worstRemaining, (cache.current()?.expiresAt ?? 0) - now);
    now = next.at;
    timers.clearTimer(next.handle);
    next.callback();
    for (let spin = 0; spin < 20 && timers.timers.length === 0; spin += 1) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(timers.timers).toHaveLength(1);
  }
  return { mints: fetchToken.mock.calls.length, worstRemaining };
}

describe("refresh over time", () => {
  it.each(LIFETIMES_S)("mints about once per %i s lifetime and always holds a usable token", async (seconds) => {
    const lifetime = seconds * 1_000;
    const elapsed = Math.max(3 * 60_000, 10 * lifetime);
    let flip = 0;
    const { mints, worstRemaining } = await runFor(lifetime, elapsed, () => (flip++ % 3) / 3);
    expect(mints).toBeGreaterThanOrEqual(Math.floor(elapsed / lifetime));
    expect(mints).toBeLessThanOrEqual(Math.ceil(elapsed / (0.5 * lifetime)) + 1);
    expect(worstRemaining).toBeGreaterThan(0);
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
    // Less than 15 % of its life left (9 s of 60 s): too close to expiry to open a socket with.
    now = 52_000;
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

describe("TokenCache refresh pacing", () => {
  it("hands a 30 s token out until its successor is minted, without a second mint", async () => {
    let now = 0;
    let serial = 0;
    const fetchToken = vi.fn(async () => tokenResponse(now + 30_000, `tok-${++serial}`));
    const cache = new TokenCache({ fetchToken, now: () => now, random: () => 0, ...fakeTimers() });
    await cache.get();
    now = 19_000; // just before the scheduled refresh at 20 s
    expect((await cache.get()).token).toBe("tok-1");
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it("answers a refresh within a few seconds of a mint with the token just minted", async () => {
    let now = 0;
    let serial = 0;
    const fetchToken = vi.fn(async () => tokenResponse(now + 900_000, `tok-${++serial}`));
    const cache = new TokenCache({ fetchToken, now: () => now, ...fakeTimers() });
    await cache.get();
    now = 1_000;
    expect((await cache.refresh()).token).toBe("tok-1");
    now = MIN_REFRESH_INTERVAL_MS + 1;
    expect((await cache.refresh()).token).toBe("tok-2");
    // A refused token is dropped, so the next refresh mints even right after a mint.
    cache.invalidate();
    expect((await cache.refresh()).token).toBe("tok-3");
  });
});

describe("TokenCache: naming a refused token", () => {
  it("sends the refused token's SHA-256 hex digest on the next request only, never the token itself", async () => {
    let now = 0;
    let serial = 0;
    const requests: TokenRequest[] = [];
    const fetchToken = vi.fn(async (request: TokenRequest) => {
      requests.push(request);
      return tokenResponse(now + 900_000, `tok-${++serial}`);
    });
    const cache = new TokenCache({ fetchToken, now: () => now, ...fakeTimers() });
    await cache.get();
    cache.invalidate(); // the cached token, tok-1, was refused
    expect((await cache.get()).token).toBe("tok-2");
    cache.invalidate("tok-2");
    expect((await cache.get()).token).toBe("tok-3");
    now += MIN_REFRESH_INTERVAL_MS + 1;
    expect((await cache.refresh()).token).toBe("tok-4"); // an ordinary refresh names nothing
    expect(requests).toEqual([{}, { refused: "65dcf16ea3dfa49069628089eb4a75483070f5584b2a21ee64912b5f621f12da" }, { refused: "b9d7f2826c798e990d30dd291fddb436a01327c293788ce57195e60c7efb82b2" }, {}]);
    expect(JSON.stringify(requests)).not.toContain("tok-");
  });

  it("keeps naming the refused token until a request succeeds", async () => {
    const requests: TokenRequest[] = [];
    let fail = false;
    const fetchToken = vi.fn(async (request: TokenRequest) => {
      requests.push(request);
      return fail ? new Response("{}", { status: 503 }) : tokenResponse(Date.now() + 900_000, `tok-${requests.length}`);
    });
    const cache = new TokenCache({ fetchToken, ...fakeTimers() });
    await cache.get();
    cache.invalidate();
    fail = true;
    await expect(cache.get()).rejects.toBeInstanceOf(TokenFetchError);
    fail = false;
    expect((await cache.get()).token).toBe("tok-3");
    expect(requests.map((request) => request.refused)).toEqual([undefined, "65dcf16ea3dfa49069628089eb4a75483070f5584b2a21ee64912b5f621f12da", "65dcf16ea3dfa49069628089eb4a75483070f5584b2a21ee64912b5f621f12da"]);
  });

  it("digests like the server does", async () => {
    expect(await tokenDigest("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
