// GET: the merchant's AssetPay wallet balance for the signed-in staff member's KPI strip. Never cached.
import { describeBalanceFailure, fetchMerchantBalance } from "@/lib/assetpay/balance";
import { requireStaffApi } from "@/lib/auth";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { retryAfterHeader } from "@/lib/http/retry-after";

export const dynamic = "force-dynamic";

export async function GET() {
  const gate = await requireStaffApi();
  if (!gate.ok) return gate.response;
  try {
    return noStoreJson(await fetchMerchantBalance());
  } catch (error) {
    const failure = describeBalanceFailure(error);
    console.error(`[assetpay] balance not read: ${error instanceof Error ? error.message : "unknown error"}`);
    return jsonError(failure.status, failure.code, failure.message, retryAfterHeader(failure.retryAfterSeconds));
  }
}
