// POST: a fresh AssetPay client token for the signed-in staff member's browser socket.
import { mintClientToken } from "@/lib/assetpay/client-token";
import { describeTokenFailure } from "@/lib/assetpay/token-failure";
import { requireStaffApi } from "@/lib/auth";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { refuseOverTokenRateLimit } from "@/lib/auth/token-rate-limit";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { retryAfterHeader } from "@/lib/http/retry-after";

export async function POST(request: Request) {
  if (!isSameOrigin(request.headers)) return jsonError(403, "cross_origin", "Token requests must come from the dashboard's own pages.");
  const gate = await requireStaffApi();
  if (!gate.ok) return gate.response;
  const overLimit = refuseOverTokenRateLimit(request, gate.staff.email);
  if (overLimit) return overLimit;
  try {
    const { token, expiresAt, wsUrl } = await mintClientToken({ clientId: gate.staff.email });
    return noStoreJson({ token, expiresAt, wsUrl });
  } catch (error) {
    const failure = describeTokenFailure(error);
    console.error(`[assetpay] client token not minted: ${error instanceof Error ? error.message : "unknown error"}`);
    return jsonError(failure.status, failure.code, failure.message, retryAfterHeader(failure.retryAfterSeconds));
  }
}
