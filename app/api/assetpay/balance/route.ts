// GET: the merchant's AssetPay wallet balance for the signed-in staff member's KPI strip. Never cached by
// the browser; the server shares one recent answer between tabs (lib/assetpay/balance.ts).
import { cachedMerchantBalance, describeBalanceFailure } from "@/lib/assetpay/balance";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { retryAfterHeader } from "@/lib/http/retry-after";
import { withStaff } from "@/lib/http/with-staff";

export const dynamic = "force-dynamic";

export const GET = withStaff(async () => {
  try {
    return noStoreJson(await cachedMerchantBalance());
  } catch (error) {
    const failure = describeBalanceFailure(error);
    console.error(`[assetpay] balance not read: ${error instanceof Error ? error.message : "unknown error"}`);
    return jsonError(failure.status, failure.code, failure.message, retryAfterHeader(failure.retryAfterSeconds));
  }
});
