// What the token route tells the browser when minting fails: a status, a stable code and a message a
// person can act on. Configuration problems name the variable, never its value.
import "server-only";
import { AssetPayError } from "./rest-client";

export interface TokenFailure {
  status: number;
  code: string;
  message: string;
  retryAfterSeconds: number | null;
}

/** When AssetPay says "rate limited" but not for how long. */
const DEFAULT_RETRY_AFTER_SECONDS = 30;

const KEY_PROBLEMS: Record<string, string> = {
  MISSING_API_KEY: "AssetPay received no API key: set ASSETPAY_API_KEY on the dashboard server",
  INVALID_API_KEY: "AssetPay rejected ASSETPAY_API_KEY as invalid: check the key configured on the dashboard server",
  API_KEY_REVOKED: "AssetPay rejected ASSETPAY_API_KEY: the key has been revoked; configure a new one",
  API_KEY_IP_DENIED: "AssetPay rejected ASSETPAY_API_KEY from this server's IP address: allow it in the AssetPay dashboard",
  API_KEY_SCOPE_DENIED: "AssetPay rejected ASSETPAY_API_KEY: the key lacks the CORE_ACCESS scope",
  INSUFFICIENT_SCOPE: "AssetPay rejected ASSETPAY_API_KEY: the key lacks the CORE_ACCESS scope",
};

const IDENTITY_PROBLEMS = new Set(["VALIDATION_FAILED", "INVALID_TRADEURL", "USER_NOT_TRADEABLE"]);
const UNAVAILABLE = new Set(["SYSTEM_MAINTENANCE", "SERVICE_UNAVAILABLE", "FLEET_DEGRADED", "NETWORK_ERROR", "TIMEOUT"]);

export function describeTokenFailure(error: unknown): TokenFailure {
  if (!(error instanceof AssetPayError)) {
    return { status: 500, code: "internal_error", message: "Could not mint an AssetPay client token (server error)", retryAfterSeconds: null };
  }
  if (error.key === "RATE_LIMITED") {
    const seconds = error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
    return {
      status: 429,
      code: "rate_limited",
      message: `AssetPay is rate-limiting token requests; try again in ${seconds} s`,
      retryAfterSeconds: seconds,
    };
  }
  const keyProblem = KEY_PROBLEMS[error.key];
  if (keyProblem) return { status: 502, code: "assetpay_configuration", message: keyProblem, retryAfterSeconds: null };
  if (IDENTITY_PROBLEMS.has(error.key)) {
    return {
      status: 502,
      code: "assetpay_configuration",
      message: `AssetPay rejected the token identity (${error.key}): check ASSETPAY_TOKEN_STEAM_ID and ASSETPAY_TOKEN_TRADE_URL`,
      retryAfterSeconds: null,
    };
  }
  if (UNAVAILABLE.has(error.key)) {
    const reached = error.key === "NETWORK_ERROR" || error.key === "TIMEOUT";
    return {
      status: 503,
      code: "assetpay_unavailable",
      message: reached ? "AssetPay could not be reached; try again shortly" : `AssetPay is unavailable (${error.key}); try again shortly`,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  return {
    status: 502,
    code: "assetpay_error",
    message: `AssetPay refused the token request (${error.key})`,
    retryAfterSeconds: error.retryAfterSeconds,
  };
}
