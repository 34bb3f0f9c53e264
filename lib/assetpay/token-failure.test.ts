import { describe, expect, it } from "vitest";
import { AssetPayError } from "./rest-client";
import { describeTokenFailure } from "./token-failure";

const failure = (key: string, extra: Partial<ConstructorParameters<typeof AssetPayError>[0]> = {}) =>
  describeTokenFailure(new AssetPayError({ key, message: `m ${key}`, ...extra }));

describe("describeTokenFailure", () => {
  it("maps RATE_LIMITED to 429 with AssetPay's Retry-After, or a default", () => {
    expect(failure("RATE_LIMITED", { retryAfterSeconds: 42 })).toEqual({
      status: 429,
      code: "rate_limited",
      message: "AssetPay is rate-limiting token requests; try again in 42 s",
      retryAfterSeconds: 42,
    });
    expect(failure("RATE_LIMITED").retryAfterSeconds).toBe(30);
  });

  it.each(["INVALID_API_KEY", "MISSING_API_KEY", "API_KEY_REVOKED", "API_KEY_IP_DENIED", "API_KEY_SCOPE_DENIED"])(
    "maps %s to a 502 naming ASSETPAY_API_KEY",
    (key) => {
      const result = failure(key);
      expect(result).toMatchObject({ status: 502, code: "assetpay_configuration" });
      expect(result.message).toMatch(/ASSETPAY_API_KEY/);
    },
  );

  it("blames the token identity settings for validation failures", () => {
    expect(failure("VALIDATION_FAILED").message).toMatch(/ASSETPAY_TOKEN_STEAM_ID and ASSETPAY_TOKEN_TRADE_URL/);
  });

  it.each(["NETWORK_ERROR", "TIMEOUT", "SERVICE_UNAVAILABLE", "SYSTEM_MAINTENANCE"])("maps %s to 503", (key) => {
    expect(failure(key, { retryAfterSeconds: 9 })).toMatchObject({ status: 503, code: "assetpay_unavailable", retryAfterSeconds: 9 });
  });

  it("maps other AssetPay errors to 502 and anything else to 500, without details", () => {
    expect(failure("SERVER_ERROR")).toMatchObject({ status: 502, code: "assetpay_error", message: "AssetPay refused the token request (SERVER_ERROR)" });
    const internal = describeTokenFailure(new Error("secret detail"));
    expect(internal.status).toBe(500);
    expect(internal.message).not.toContain("secret detail");
  });
});
