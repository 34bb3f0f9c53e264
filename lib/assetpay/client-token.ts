// Mints the AssetPay client token the browser uses to open its socket. With ASSETPAY_API_SECRET the
// token is signed here (HS256, the claim set of AssetPay's SDK); without it AssetPay mints it via
// POST /auth/authenticate-client. The API key and secret never leave this module; only the token does
// (AssetPay documents client tokens as safe to hand to a browser).
import "server-only";
import { decodeJwt, decodeProtectedHeader, SignJWT } from "jose";
import { z } from "zod";
import { env } from "@/lib/env/server";
import type { ServerEnv } from "@/lib/env/server-env";
import { AssetPayError, assetPay, type AssetPayClient } from "./rest-client";

export interface ClientTokenGrant {
  token: string;
  /** ISO time the token stops working. */
  expiresAt: string;
  /** Socket.IO origin to connect to with this token. */
  wsUrl: string;
}

export interface MintOptions {
  /** Our own id for who asked (the staff email); AssetPay stores it on trades as externalClientUserId. */
  clientId?: string;
}

/** AssetPay documents API-issued tokens as valid 24 h; used only when the token carries no `exp`. */
const API_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
const CLIENT_ID_MAX = 128;

const jwtHeaderSchema = z.object({ alg: z.string(), userId: z.string().min(1).optional() });
const jwtPayloadSchema = z.object({
  merchantId: z.string().min(1).optional(),
  exp: z.number().int().positive().optional(),
});
const authenticateClientSchema = z.object({ token: z.string().min(1), expiresAt: z.iso.datetime({ offset: true }).optional() });

export interface SignClientTokenInput {
  secret: string;
  merchantId: string;
  steamId: string;
  tradeUrl: string;
  clientId?: string;
  ttlSeconds: number;
  /** Epoch ms. */
  now: number;
}

const encoder = new TextEncoder();

/**
 * A compact JWS signed with jose: header `{ alg: "HS256", userId: merchantId }` (no `typ`, as AssetPay's
 * own tokens), payload `{ merchantId, client, iat, exp }` in that order.
 */
export async function signClientToken(input: SignClientTokenInput): Promise<{ token: string; exp: number }> {
  const iat = Math.floor(input.now / 1000);
  const exp = iat + input.ttlSeconds;
  const client = { steamID: input.steamId, tradeUrl: input.tradeUrl, ...(input.clientId ? { clientId: input.clientId } : {}) };
  const token = await new SignJWT({ merchantId: input.merchantId, client, iat, exp })
    .setProtectedHeader({ alg: "HS256", userId: input.merchantId })
    .sign(encoder.encode(input.secret));
  return { token, exp };
}

/** Header and payload of a JWT, unverified (we only read what AssetPay itself put there), or null. */
export function readUnverifiedJwt(token: string): { header: unknown; payload: unknown } | null {
  try {
    return { header: decodeProtectedHeader(token), payload: decodeJwt(token) };
  } catch {
    return null;
  }
}

/** The merchant an API-issued token was minted for: its header's `userId`, else its payload's `merchantId`. */
export function merchantIdOfToken(token: string): string | null {
  const decoded = readUnverifiedJwt(token);
  return jwtHeaderSchema.safeParse(decoded?.header).data?.userId ?? jwtPayloadSchema.safeParse(decoded?.payload).data?.merchantId ?? null;
}

export type MinterEnv = Pick<
  ServerEnv,
  "apiSecret" | "merchantId" | "tokenSteamId" | "tokenTradeUrl" | "tokenTtlSeconds" | "wsUrl"
>;

export interface TokenMinter {
  mint(options?: MintOptions): Promise<ClientTokenGrant>;
}

export function createTokenMinter(deps: { env: MinterEnv; client: AssetPayClient; now?: () => number }): TokenMinter {
  const now = deps.now ?? Date.now;
  const config = deps.env;
  let merchantId: Promise<string> | null = config.merchantId ? Promise.resolve(config.merchantId) : null;

  function clientIdFor(options: MintOptions): string | undefined {
    const id = options.clientId?.trim();
    return id && id.length <= CLIENT_ID_MAX ? id : undefined;
  }

  async function viaApi(options: MintOptions): Promise<ClientTokenGrant> {
    const clientId = clientIdFor(options);
    const data = await deps.client.request("/auth/authenticate-client", authenticateClientSchema, {
      method: "POST",
      body: {
        clientSteamId: config.tokenSteamId,
        clientTradeUrl: config.tokenTradeUrl,
        ...(clientId ? { clientId } : {}),
      },
    });
    const exp = jwtPayloadSchema.safeParse(readUnverifiedJwt(data.token)?.payload).data?.exp;
    const expiresAt =
      data.expiresAt ??
      new Date(exp !== undefined ? exp * 1000 : now() + API_TOKEN_LIFETIME_SECONDS * 1000).toISOString();
    return { token: data.token, expiresAt, wsUrl: config.wsUrl };
  }

  /**
   * ASSETPAY_MERCHANT_ID when set; otherwise read once from an API-issued token (header `userId`, else
   * payload `merchantId`), which AssetPay's SDK documents as the way to learn it. A failed lookup is
   * not cached, so the next mint tries again.
   */
  function resolveMerchantId(): Promise<string> {
    merchantId ??= viaApi({}).then(({ token }) => {
      const id = merchantIdOfToken(token);
      if (!id) {
        throw new AssetPayError({
          key: "BAD_RESPONSE",
          message: "AssetPay's token names no merchant id; set ASSETPAY_MERCHANT_ID to sign tokens locally",
        });
      }
      return id;
    });
    merchantId.catch(() => {
      merchantId = null;
    });
    return merchantId;
  }

  async function locally(secret: string, options: MintOptions): Promise<ClientTokenGrant> {
    const { token, exp } = await signClientToken({
      secret,
      merchantId: await resolveMerchantId(),
      steamId: config.tokenSteamId,
      tradeUrl: config.tokenTradeUrl,
      clientId: clientIdFor(options),
      ttlSeconds: config.tokenTtlSeconds,
      now: now(),
    });
    return { token, expiresAt: new Date(exp * 1000).toISOString(), wsUrl: config.wsUrl };
  }

  return {
    mint(options = {}) {
      return config.apiSecret ? locally(config.apiSecret, options) : viaApi(options);
    },
  };
}

let shared: TokenMinter | null = null;

/** A client token for the dashboard's configured identity (ASSETPAY_TOKEN_STEAM_ID / _TRADE_URL). */
export function mintClientToken(options: MintOptions = {}): Promise<ClientTokenGrant> {
  shared ??= createTokenMinter({ env: env(), client: assetPay() });
  return shared.mint(options);
}
