// The ASSETPAY_* settings: which AssetPay to talk to, with which key, and the identity and lifetime of
// the client tokens the browser gets. Rules only (see ./setting).
import { z } from "zod";
import { integerRule, optional, required, type Rule } from "./setting";

export const DEFAULT_API_URL = "https://api.assetpay.co";
export const DEFAULT_TOKEN_TTL_SECONDS = 900;
/** Well under AssetPay's smallest per-merchant limit (100/min), which the merchant's own backend shares. */
export const DEFAULT_BUDGET_PER_MINUTE = 60;

const API_KEY: Rule<string> = { schema: z.string().regex(/^\S{1,512}$/), expected: "the merchant API key (ap_…)" };
const API_SECRET: Rule<string> = { schema: z.string().regex(/^\S{1,512}$/), expected: "the merchant API secret (no spaces)" };
const MERCHANT_ID: Rule<string> = { schema: z.string().regex(/^\S{1,128}$/), expected: "the AssetPay merchant id (no spaces)" };
const HTTP_URL: Rule<string> = {
  schema: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, "")),
  expected: "an http(s) URL such as https://api.assetpay.co",
};
const WS_URL: Rule<string> = {
  schema: z.url({ protocol: /^(https?|wss?)$/ }).transform((url) => url.replace(/\/+$/, "")),
  expected: "an http(s) or ws(s) URL (the Socket.IO origin)",
};
export const STEAM_ID: Rule<string> = {
  schema: z.string().regex(/^76561\d{12}$/),
  expected: "a 17-digit SteamID64 starting 76561",
};
export const TRADE_URL: Rule<string> = {
  schema: z.string().regex(/^https:\/\/steamcommunity\.com\/tradeoffer\/new\/\?partner=\d{1,10}&token=[A-Za-z0-9_-]{8}$/),
  expected: "a Steam trade URL like https://steamcommunity.com/tradeoffer/new/?partner=123456&token=AbCd_123",
};
export const TOKEN_TTL = integerRule(1, 86_400, "seconds");

/** Where AssetPay is and the key for it; `why` says what needs the key. */
export function connectionFields(why: string) {
  return {
    ASSETPAY_API_KEY: required(API_KEY, why),
    ASSETPAY_API_URL: optional(HTTP_URL),
    ASSETPAY_WS_URL: optional(WS_URL),
    ASSETPAY_BUDGET_PER_MINUTE: optional(integerRule(1, 3_000, "AssetPay REST requests per minute")),
  };
}

export interface AssetPayConnection {
  apiKey: string;
  /** No trailing slash. */
  apiUrl: string;
  /** Socket.IO origin handed to the browser; no trailing slash. */
  wsUrl: string;
  /** The one REST budget every process of this merchant shares (lib/assetpay/rate-budget.ts). */
  budgetPerMinute: number;
}

export function toConnection(values: {
  ASSETPAY_API_KEY: string;
  ASSETPAY_API_URL?: string;
  ASSETPAY_WS_URL?: string;
  ASSETPAY_BUDGET_PER_MINUTE?: number;
}): AssetPayConnection {
  const apiUrl = values.ASSETPAY_API_URL ?? DEFAULT_API_URL;
  return {
    apiKey: values.ASSETPAY_API_KEY,
    apiUrl,
    wsUrl: values.ASSETPAY_WS_URL ?? apiUrl,
    budgetPerMinute: values.ASSETPAY_BUDGET_PER_MINUTE ?? DEFAULT_BUDGET_PER_MINUTE,
  };
}

const IDENTITY_NEEDED = "required when ASSETPAY_API_KEY is set";

/** How the dashboard's client tokens are minted (real mode: the identity is required). */
export const clientTokenFields = {
  ASSETPAY_API_SECRET: optional(API_SECRET),
  ASSETPAY_MERCHANT_ID: optional(MERCHANT_ID),
  ASSETPAY_TOKEN_STEAM_ID: required(STEAM_ID, IDENTITY_NEEDED),
  ASSETPAY_TOKEN_TRADE_URL: required(TRADE_URL, IDENTITY_NEEDED),
  ASSETPAY_TOKEN_TTL_SECONDS: optional(TOKEN_TTL),
};

export interface ClientTokenSettings {
  /** Set: client tokens are signed locally (HS256) instead of via POST /auth/authenticate-client. */
  apiSecret: string | null;
  /** Merchant id for locally signed tokens; null: learned from an API-issued token. */
  merchantId: string | null;
  tokenSteamId: string;
  tokenTradeUrl: string;
  tokenTtlSeconds: number;
}

export function toClientTokenSettings(values: z.output<z.ZodObject<typeof clientTokenFields>>): ClientTokenSettings {
  return {
    apiSecret: values.ASSETPAY_API_SECRET ?? null,
    merchantId: values.ASSETPAY_MERCHANT_ID ?? null,
    tokenSteamId: values.ASSETPAY_TOKEN_STEAM_ID,
    tokenTradeUrl: values.ASSETPAY_TOKEN_TRADE_URL,
    tokenTtlSeconds: values.ASSETPAY_TOKEN_TTL_SECONDS ?? DEFAULT_TOKEN_TTL_SECONDS,
  };
}
