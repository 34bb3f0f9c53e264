// Test-only builders for wire payloads and domain trades. Never import from app code.
import type { Funding, Trade } from "./types";

export const T0 = Date.parse("2026-05-01T10:00:00.000Z");

/** Deterministic PRNG (mulberry32): a failing randomized test names a case that replays from its seed. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A current-contract (lowercase) wire trade object, as AssetPay sends it. */
export function wireTrade(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "3f1c9a52-0000-4000-8000-000000000001",
    type: "deposit",
    source: "client",
    status: "active",
    game: "730",
    merchantId: "m-1",
    clientUserId: "u-1",
    clientSteamID: "76561198000000001",
    clientTradeUrl: "https://steamcommunity.com/tradeoffer/new/?partner=1&token=abcdefgh",
    externalId: "ORDER-42",
    externalClientUserId: "player-7",
    items: [
      { id: "item-1", name: "AK-47 | Redline (Field-Tested)", marketHashName: "AK-47 | Redline (Field-Tested)", marketPrice: 12.5, offer: { price: 11.75 } },
    ],
    totalPrice: 11.75,
    offerID: "6543210987",
    createdAt: iso(T0),
    updatedAt: iso(T0 + 60_000),
    ...overrides,
  };
}

/** A domain trade for reducer/rule tests (not parsed; fields set directly). */
export function makeTrade(overrides: Partial<Trade> = {}): Trade {
  return {
    id: "t-1",
    type: "deposit",
    status: "active",
    rawStatus: overrides.status ?? "active",
    game: "cs2",
    gameId: "730",
    clientSteamId: "76561198000000001",
    items: [{ id: "i-1", name: "AK-47 | Redline", price: 10 }],
    totalPrice: 10,
    createdAt: iso(T0),
    updatedAt: iso(T0),
    ...overrides,
  };
}

export function makeFunding(overrides: Partial<Funding> = {}): Funding {
  return {
    id: "f-1",
    kind: "deposit",
    status: "pending",
    rawStatus: "PENDING",
    amountUsd: "100.00",
    amountToken: "100.000000",
    createdAt: iso(T0),
    ...overrides,
  };
}
