import { describe, expect, it } from "vitest";
import type { ClientTokenGrant } from "./client-token";
import { TokenGrantCache } from "./token-grant-cache";

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

  it("never reuses a token for longer than a burst lasts: a refused token's retries get a fresh one", async () => {
    const time = clock();
    const cache = new TokenGrantCache(time.now);
    const tokens = minter(time, 900_000);
    expect((await cache.grantFor("staff:a", tokens.mint)).token).toBe("token-1");
    time.advance(10_001);
    expect((await cache.grantFor("staff:a", tokens.mint)).token).toBe("token-2");
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
