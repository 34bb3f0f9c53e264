// POST: a fresh AssetPay client token for the signed-in staff member's browser socket.
import { mintClientToken } from "@/lib/assetpay/client-token";
import { describeTokenFailure } from "@/lib/assetpay/token-failure";
import { refuseOverTokenRateLimit } from "@/lib/auth/token-rate-limit";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { retryAfterHeader } from "@/lib/http/retry-after";
import { withStaff } from "@/lib/http/with-staff";

export const POST = withStaff(
  async (request, staff) => {
    const overLimit = refuseOverTokenRateLimit(request, staff.email);
    if (overLimit) return overLimit;
    try {
      const { token, expiresAt, wsUrl } = await mintClientToken({ clientId: staff.email });
      return noStoreJson({ token, expiresAt, wsUrl });
    } catch (error) {
      const failure = describeTokenFailure(error);
      console.error(`[assetpay] client token not minted: ${error instanceof Error ? error.message : "unknown error"}`);
      return jsonError(failure.status, failure.code, failure.message, retryAfterHeader(failure.retryAfterSeconds));
    }
  },
  { sameOriginOnly: "Token requests must come from the dashboard's own pages." },
);
