// The recorder's start check: whose data is this store? Learns the merchant id (ASSETPAY_MERCHANT_ID,
// else once from a token AssetPay mints, see docs/assetpay-api.md) and checks it and the API URL against
// the store's owner (lib/db/store-owner.ts). main.ts turns a refusal into one line and exit 1, so a
// recorder pointed at another merchant's store never writes into it.
import "server-only";
import { createTokenMinter, merchantIdOfToken } from "@/lib/assetpay/client-token";
import { AssetPayError, type AssetPayClient } from "@/lib/assetpay/rest-client";
import type { Database } from "@/lib/db/database";
import { type ClaimOutcome, claimStore } from "@/lib/db/store-owner";

export interface TokenIdentity {
  steamId: string;
  tradeUrl: string;
}

export interface MerchantIdSource {
  /** ASSETPAY_MERCHANT_ID, when set. */
  configured: string | null;
  /** ASSETPAY_TOKEN_STEAM_ID / _TRADE_URL: who the learning token is minted for. */
  identity: TokenIdentity | null;
  client: AssetPayClient;
  wsUrl: string;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** The merchant id could not be found: the message names the setting that fixes it. */
export class MerchantIdError extends Error {}

/** AssetPay answers that may pass if we try again in a little while. */
const PASSING = new Set(["NETWORK_ERROR", "TIMEOUT", "RATE_LIMITED", "SERVER_ERROR", "SERVICE_UNAVAILABLE"]);
const ATTEMPTS = 5;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function resolveMerchantId(source: MerchantIdSource): Promise<string> {
  if (source.configured) return source.configured;
  if (!source.identity) {
    throw new MerchantIdError(
      "ASSETPAY_MERCHANT_ID: not set, and neither are ASSETPAY_TOKEN_STEAM_ID and ASSETPAY_TOKEN_TRADE_URL to learn it from AssetPay; the recorder must know whose store it writes",
    );
  }
  const minter = createTokenMinter({
    env: { apiSecret: null, merchantId: null, tokenSteamId: source.identity.steamId, tokenTradeUrl: source.identity.tradeUrl, tokenTtlSeconds: 60, wsUrl: source.wsUrl },
    client: source.client,
  });
  const sleep = source.sleep ?? realSleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const id = merchantIdOfToken((await minter.mint()).token);
      if (!id) throw new MerchantIdError("ASSETPAY_MERCHANT_ID: AssetPay's token names no merchant id; set ASSETPAY_MERCHANT_ID");
      return id;
    } catch (error) {
      const passing = error instanceof AssetPayError && PASSING.has(error.key);
      if (!passing || attempt >= ATTEMPTS) {
        if (error instanceof MerchantIdError) throw error;
        const why = error instanceof Error ? error.message : String(error);
        throw new MerchantIdError(`ASSETPAY_MERCHANT_ID: not set, and AssetPay did not tell us the merchant id (${why}); set it or try again`);
      }
      await sleep(Math.min(30_000, (error.retryAfterSeconds ?? 0) * 1000 || 1_000 * 2 ** attempt));
    }
  }
}

/** Learns the merchant id and claims (or checks) the store for it at `apiUrl`. */
export async function checkStoreScope(db: Database, apiUrl: string, source: MerchantIdSource): Promise<ClaimOutcome & { merchantId: string }> {
  const merchantId = await resolveMerchantId(source);
  return { ...(await claimStore(db, { merchantId, apiUrl })), merchantId };
}
