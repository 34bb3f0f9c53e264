// The merchant's AssetPay wallet balance (GET /v1/wallets/me/balance, see docs/assetpay-api.md) for the
// KPI strip, and what to tell the browser when AssetPay cannot give it. Server-only: it uses the API key.
import "server-only";
import { z } from "zod";
import { processSingleton } from "@/lib/auth/process-singleton";
import { type AssetPayClient, AssetPayError, assetPay } from "./rest-client";

/** USD amounts as AssetPay sends them (numbers; a numeric string is accepted too). */
const amount = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]).pipe(z.number().finite());

const balanceSchema = z.object({
  balance: amount,
  pendingBalance: amount.optional(),
  escrowBalance: amount.optional(),
  currency: z.string().max(8).optional(),
});

export interface MerchantBalance {
  /** Spendable USD. */
  balance: number;
  /** Uncleared deposits plus funds locked for in-flight withdrawals. */
  pendingBalance: number | null;
  /** Skin deposits still in Steam's hold. */
  escrowBalance: number | null;
  currency: string;
  /** When this server got the answer (ISO). */
  fetchedAt: string;
}

export async function fetchMerchantBalance(client: AssetPayClient = assetPay(), now: () => number = Date.now): Promise<MerchantBalance> {
  const data = await client.request("/v1/wallets/me/balance", balanceSchema);
  return {
    balance: data.balance,
    pendingBalance: data.pendingBalance ?? null,
    escrowBalance: data.escrowBalance ?? null,
    currency: data.currency ?? "USD",
    fetchedAt: new Date(now()).toISOString(),
  };
}

/**
 * Every open tab polls the balance (every 30 s): one answer serves them all for this long, and tabs
 * asking at once share one request, so AssetPay sees at most a few balance reads a minute per server
 * process however many tabs are open. Failures are not remembered.
 */
export const BALANCE_FRESH_MS = 20_000;

export function createBalanceCache(read: () => Promise<MerchantBalance>, now: () => number = () => Date.now()): () => Promise<MerchantBalance> {
  let last: { at: number; value: MerchantBalance } | null = null;
  let reading: Promise<MerchantBalance> | null = null;
  return () => {
    if (last && now() - last.at < BALANCE_FRESH_MS) return Promise.resolve(last.value);
    reading ??= read()
      .then((value) => {
        last = { at: now(), value };
        return value;
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  };
}

/** The balance for the KPI strip, through this process's one cache. */
export function cachedMerchantBalance(): Promise<MerchantBalance> {
  return processSingleton("merchant-balance", () => createBalanceCache(() => fetchMerchantBalance()))();
}

export interface BalanceFailure {
  status: number;
  code: string;
  message: string;
  retryAfterSeconds: number | null;
}

const CONFIGURATION_KEYS = new Set([
  "MISSING_API_KEY",
  "INVALID_API_KEY",
  "API_KEY_REVOKED",
  "API_KEY_IP_DENIED",
  "API_KEY_SCOPE_DENIED",
  "INSUFFICIENT_SCOPE",
  "UNAUTHORIZED",
  "FORBIDDEN",
]);

/** A status, a stable code and a sentence an operator can act on; never the API key or raw payloads. */
export function describeBalanceFailure(error: unknown): BalanceFailure {
  if (!(error instanceof AssetPayError)) {
    return { status: 500, code: "internal_error", message: "Could not read the balance (dashboard server error).", retryAfterSeconds: null };
  }
  if (error.key === "RATE_LIMITED") {
    const seconds = error.retryAfterSeconds ?? 30;
    return { status: 429, code: "rate_limited", message: `AssetPay is rate-limiting balance requests; next try in ${seconds} s.`, retryAfterSeconds: seconds };
  }
  if (CONFIGURATION_KEYS.has(error.key)) {
    return {
      status: 502,
      code: "assetpay_configuration",
      message: `AssetPay refused the balance request (${error.key}): check ASSETPAY_API_KEY on the dashboard server.`,
      retryAfterSeconds: null,
    };
  }
  if (error.key === "TIMEOUT" || error.key === "NETWORK_ERROR" || error.key === "SERVICE_UNAVAILABLE" || error.key === "SERVER_ERROR") {
    return { status: 503, code: "assetpay_unavailable", message: `AssetPay did not answer the balance request (${error.key}).`, retryAfterSeconds: null };
  }
  return { status: 502, code: "assetpay_error", message: `AssetPay could not give the balance (${error.key}).`, retryAfterSeconds: null };
}
