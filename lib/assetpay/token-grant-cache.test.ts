import { describe, expect, it } from "vitest";
import type { ClientTokenGrant } from "./client-token";
import { TokenGrantCache, tokenDigest } from "./token-grant-cache";

function clock() {
  let now = Date.parse("2030-01-01T00:00:00Z");
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

function minter(time: { now: () => number }, lifetimeMs: number) {
  let count = 0;
  return {
    get count() {
      return count;
    },
    mint: async (): Promise<ClientTokenGrant> => {
      count += 1;
      return { token: `token-${count}`, expiresAt: new Date(time.now() + lifetimeMs).toISOString(), wsUrl: "http://127.0.0.1:1" };
    },
  };
}

describe("TokenGrantCache", () => {
  it("mints once for a burst of one staff member's requests, concurrent or not", async () => {
    const time = clock();
    const cache = new TokenGrantCache(time.now);
    const tokens = minter(time, 900_000);
    const burst = await Promise.all(Array.from({ length: 20 }, () => cache.grantFor("staff:a", tokens.mint)));
    expect(new Set(burst.map((grant) => grant.token))).toEqual(new Set(["token-1"]));
    time.advance(10_000);
    expect((await cache.grantFor("staff:a", tokens.mint)).token).toBe("token-1");
    expect(tokens.count).toBe(1);
  });

  it("reuses a token for its whole useful life, until a quarter of it is used", async () => {
    const time = clock();
    const cache = new TokenGrantCache(time.now);
    const tokens = minter(time, 900_000);
    expect((await cache.grantFor("staff:a", tokens.mint)).token).toBe("token-1");
    time.advance(225_000); // exactly three quarters of its life left
    expect((await cache.grantFor("staff:a", tokens.mint)).token).toBe("token-1");
    time.advance(1);
    expect((await cache.grantFor("staff:a", tokens.mint)).token).toBe("token-2");
    expect(tokens.count).toBe(2);
  });

  it("forgets the remembered token when the browser names it as refused, and only then", async () => {
    const time = clock();
    const cache = new TokenGrantCache(time.now);
    const tokens = minter(time, 900_000);
    expect((await cache.grantFor("staff:a", tokens.mint)).token).toBe("token-1");
    expect((await cache.grantFor("staff:b", tokens.mint)).token).toBe("token-2");
    // A stale report (another tab naming a token already replaced) or another person's token evicts nothing.
    expect((await cache.grantFor("staff:a", tokens.mint, tokenDigest("token-0"))).token).toBe("token-1");
    expect((await cache.grantFor("staff:a", tokens.mint, tokenDigest("token-2"))).token).toBe("token-1");
    expect((await cache.grantFor("staff:a", tokens.mint, tokenDigest("token-1").toUpperCase())).token).toBe("token-3");
    // The fresh one is remembered again; staff:b's grant was never touched.
    expect((await cache.grantFor("staff:a", tokens.mint)).token).toBe("token-3");
    expect((await cache.grantFor("staff:b", tokens.mint)).token).toBe("token-2");
    expect(tokens.count).toBe(3);
  });

  it("names a token by its SHA-256 hex digest", () => {
    expect(tokenDigest("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("mints anew once a token has used a quarter of its life, and per staff member", async () => {
    const time = clock();
    const cache = new TokenGrantCache(time.now);
    const tokens = minter(time, 20_000);
    expect((await cache.grantFor("staff:a", tokens.mint)).token).toBe("token-1");
    time.advance(4_000);
    expect((await cache.grantFor("staff:a", tokens.mint)).token).toBe("token-1");
    time.advance(1_500);
    expect((await cache.grantFor("staff:a", tokens.mint)).token).toBe("token-2");
    expect((await cache.grantFor("staff:b", tokens.mint)).token).toBe("token-3");
  });

  it("remembers no failure: the next request mints again", async () => {
    const cache = new TokenGrantCache();
    await expect(cache.grantFor("staff:a", () => Promise.reject(new Error("AssetPay down")))).rejects.toThrow("AssetPay down");
    expect((await cache.grantFor("staff:a", minter({ now: Date.now }, 60_000).mint)).token).toBe("token-1");
  });
});
