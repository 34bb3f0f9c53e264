// The recorder's start check on both backends: a store belongs to one merchant at one API URL. Same
// merchant with a rotated key keeps working; another merchant or URL is refused and the owner is
// untouched; a store from an older version is adopted only when its trades name this merchant.
import { expect, it } from "vitest";
import { signClientToken } from "@/lib/assetpay/client-token";
import { AssetPayError, type AssetPayClient } from "@/lib/assetpay/rest-client";
import { describeOnEachBackend } from "@/lib/db/testing/each-backend";
import { tradeVersion } from "@/lib/db/testing/recorded-versions";
import { readStoreOwner } from "@/lib/db/store-owner";
import { recordTrades } from "@/lib/db/trade-writes";
import { T0 } from "@/lib/trades/test-fixtures";
import { MerchantIdError, checkStoreScope, resolveMerchantId, type MerchantIdSource } from "./store-scope";

const URL_A = "https://api.assetpay.co";
const URL_B = "http://127.0.0.1:4010";
const identity = { steamId: "76561198000000001", tradeUrl: "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash" };

/** A stand-in for AssetPay's authenticate-client, answering for `merchantId` whatever the key; counts calls. */
function mintingClient(merchantId: string, failures: AssetPayError[] = []): AssetPayClient & { calls: number } {
  const client = {
    calls: 0,
    async request<T>(path: string, schema: { parse(value: unknown): T }): Promise<T> {
      client.calls += 1;
      expect(path).toBe("/auth/authenticate-client");
      const failure = failures.shift();
      if (failure) throw failure;
      const { token } = await signClientToken({ secret: `secret-of-${merchantId}`, merchantId, ...identity, ttlSeconds: 60, now: T0 });
      return schema.parse({ token });
    },
  };
  return client;
}

function source(client: AssetPayClient, configured: string | null = null): MerchantIdSource {
  return { configured, identity, client, wsUrl: URL_A, sleep: async () => undefined };
}

describeOnEachBackend("the recorder's store scope", ({ db }) => {
  it("claims an empty store, then lets the same merchant in again with a rotated key", async () => {
    const first = await checkStoreScope(db, URL_A, source(mintingClient("mrc_a")));
    expect(first).toMatchObject({ kind: "claimed", merchantId: "mrc_a" });
    // A new API key of the same merchant: AssetPay still mints its tokens for mrc_a.
    const rotated = await checkStoreScope(db, URL_A, source(mintingClient("mrc_a")));
    expect(rotated).toMatchObject({ kind: "owned", merchantId: "mrc_a" });
    expect(await readStoreOwner(db)).toMatchObject({ merchantId: "mrc_a", apiUrl: URL_A });
  });

  it("refuses another merchant and leaves the owner as it was", async () => {
    await checkStoreScope(db, URL_A, source(mintingClient("mrc_a")));
    const other = await checkStoreScope(db, URL_A, source(mintingClient("mrc_b")));
    expect(other.kind).toBe("refused");
    if (other.kind === "refused") expect(other.reason).toMatch(/belongs to merchant mrc_a at https:\/\/api\.assetpay\.co, not merchant mrc_b .*another merchant/);
    expect(await readStoreOwner(db)).toMatchObject({ merchantId: "mrc_a", apiUrl: URL_A });
  });

  it("refuses the same merchant id at another API URL", async () => {
    await checkStoreScope(db, URL_A, source(mintingClient("mrc_a")));
    const other = await checkStoreScope(db, URL_B, source(mintingClient("mrc_a")));
    expect(other.kind).toBe("refused");
    if (other.kind === "refused") expect(other.reason).toMatch(/another API URL/);
  });

  it("adopts a store from an older version whose trades name this merchant", async () => {
    await recordTrades(db, [tradeVersion({ id: "t-1", merchantId: "mrc_a" }), tradeVersion({ id: "t-2", merchantId: "mrc_a" })], T0);
    expect(await checkStoreScope(db, URL_A, source(mintingClient("mrc_a")))).toMatchObject({ kind: "adopted", trades: 2 });
    expect(await readStoreOwner(db)).toMatchObject({ merchantId: "mrc_a", apiUrl: URL_A });
  });

  it("refuses a store from an older version holding another merchant's trades", async () => {
    await recordTrades(db, [tradeVersion({ id: "t-1", merchantId: "mrc_a" }), tradeVersion({ id: "t-2", merchantId: "mrc_b" })], T0);
    const outcome = await checkStoreScope(db, URL_A, source(mintingClient("mrc_a")));
    expect(outcome.kind).toBe("refused");
    if (outcome.kind === "refused") expect(outcome.reason).toMatch(/holds trades of merchant mrc_b, not merchant mrc_a/);
    expect(await readStoreOwner(db)).toBeNull();
  });

  it("refuses a store from an older version whose trades name no merchant", async () => {
    await recordTrades(db, [tradeVersion({ id: "t-1", merchantId: undefined })], T0);
    expect((await checkStoreScope(db, URL_A, source(mintingClient("mrc_a")))).kind).toBe("refused");
    expect(await readStoreOwner(db)).toBeNull();
  });
});

describeOnEachBackend("resolving the merchant id", () => {
  it("uses ASSETPAY_MERCHANT_ID without asking AssetPay", async () => {
    const client = mintingClient("mrc_other");
    expect(await resolveMerchantId(source(client, "mrc_set"))).toBe("mrc_set");
    expect(client.calls).toBe(0);
  });

  it("learns it from an API-minted token, trying again after a passing failure", async () => {
    const client = mintingClient("mrc_a", [new AssetPayError({ key: "NETWORK_ERROR", message: "down" })]);
    expect(await resolveMerchantId(source(client))).toBe("mrc_a");
    expect(client.calls).toBe(2);
  });

  it("names ASSETPAY_MERCHANT_ID when it cannot learn it", async () => {
    const refusing = mintingClient("mrc_a", [new AssetPayError({ key: "INVALID_API_KEY", message: "AssetPay refused: INVALID_API_KEY" })]);
    await expect(resolveMerchantId(source(refusing))).rejects.toThrow(/^ASSETPAY_MERCHANT_ID: .*INVALID_API_KEY/);
    await expect(resolveMerchantId({ ...source(refusing), identity: null })).rejects.toBeInstanceOf(MerchantIdError);
  });
});
