// The simulated cast: end users who trade through the merchant, the merchant's own Steam account
// (for self trades) and AssetPay's trading bots. Generated once per seed.

import { deriveSeed, Rng } from "./prng";
import type { BotInfo } from "./wire";

export interface SimUser {
  clientUserId: string;
  steamId: string;
  tradeUrl: string;
  externalClientUserId: string;
}

const STEAM_ID64_BASE = 76561197960265728n;
const TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/** SteamID64 and trade URL agree the way Steam's do: partner = SteamID64 − 76561197960265728. */
export function steamIdentity(rng: Rng): { steamId: string; tradeUrl: string } {
  const accountId = rng.int(10_000_000, 1_700_000_000);
  const steamId = (STEAM_ID64_BASE + BigInt(accountId)).toString();
  const token = rng.chars(TOKEN_ALPHABET, 8);
  return { steamId, tradeUrl: `https://steamcommunity.com/tradeoffer/new/?partner=${accountId}&token=${token}` };
}

/** Trade URL for a given SteamID64 (control API lets tests choose the Steam id). */
export function tradeUrlFor(steamId: string, rng: Rng): string {
  const accountId = BigInt(steamId) - STEAM_ID64_BASE;
  const partner = accountId > 0n && accountId < 10_000_000_000n ? accountId : BigInt(rng.int(10_000_000, 1_700_000_000));
  return `https://steamcommunity.com/tradeoffer/new/?partner=${partner}&token=${rng.chars(TOKEN_ALPHABET, 8)}`;
}

export interface Cast {
  users: SimUser[];
  merchantAccount: { steamId: string; tradeUrl: string };
  bots: BotInfo[];
}

export function createCast(rootSeed: number, userCount = 400): Cast {
  const rng = new Rng(deriveSeed(rootSeed, 1, 0));
  const users: SimUser[] = [];
  for (let n = 1; n <= userCount; n++) {
    users.push({ clientUserId: rng.uuid(), ...steamIdentity(rng), externalClientUserId: `user_${1000 + n}` });
  }
  const merchantAccount = steamIdentity(rng);
  const bots: BotInfo[] = [];
  for (let n = 1; n <= 12; n++) {
    const { steamId } = steamIdentity(rng);
    const joined = new Date(Date.UTC(2021, rng.int(0, 11), rng.int(1, 28))).toISOString();
    bots.push({
      name: `AssetPay Bot #${100 + n * 7}`,
      avatar: `https://avatars.steamstatic.com/${rng.hex(40)}_full.jpg`,
      joined,
      steamId,
    });
  }
  return { users, merchantAccount, bots };
}
