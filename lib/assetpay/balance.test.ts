import { describe, expect, it } from "vitest";
import { describeBalanceFailure, fetchMerchantBalance } from "./balance";
import { AssetPayError, createAssetPayClient } from "./rest-client";

function clientAnswering(body: unknown, status = 200) {
  return createAssetPayClient({
    baseUrl: "http://127.0.0.1:1",
    apiKey: "ap_test_secret",
    fetch: async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }),
  });
}

describe("fetchMerchantBalance", () => {
  it("reads the balance envelope and stamps when it was fetched", async () => {
    const client = clientAnswering({ success: true, requestId: "r", data: { balance: 1250.5, pendingBalance: 10, escrowBalance: "99.95", currency: "USD" } });
    const balance = await fetchMerchantBalance(client, () => Date.parse("2026-05-01T10:00:00Z"));
    expect(balance).toEqual({ balance: 1250.5, pendingBalance: 10, escrowBalance: 99.95, currency: "USD", fetchedAt: "2026-05-01T10:00:00.000Z" });
  });

  it("rejects an unexpected shape as BAD_RESPONSE", async () => {
    const client = clientAnswering({ success: true, data: { balance: "lots" } });
    await expect(fetchMerchantBalance(client)).rejects.toMatchObject({ key: "BAD_RESPONSE" });
  });
});

describe("describeBalanceFailure", () => {
  it("says what to do, without the key", () => {
    const refused = describeBalanceFailure(new AssetPayError({ key: "INVALID_API_KEY", message: "x", httpStatus: 401 }));
    expect(refused).toMatchObject({ status: 502, code: "assetpay_configuration" });
    expect(refused.message).toContain("ASSETPAY_API_KEY");
    expect(describeBalanceFailure(new AssetPayError({ key: "RATE_LIMITED", message: "x", retryAfterSeconds: 12 }))).toMatchObject({
      status: 429,
      retryAfterSeconds: 12,
    });
    expect(describeBalanceFailure(new AssetPayError({ key: "TIMEOUT", message: "x" })).status).toBe(503);
    expect(describeBalanceFailure(new Error("boom")).status).toBe(500);
  });
});
