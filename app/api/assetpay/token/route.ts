// POST: an AssetPay client token for the signed-in staff member's browser socket. Limited per staff
// member, and answered from a per-staff cache for a few seconds while the last token has most of its
// life left, so a burst of tabs mints once (API-minted tokens spend the merchant's AssetPay budget).
import { mintClientToken } from "@/lib/assetpay/client-token";
import { staffTokenCache } from "@/lib/assetpay/staff-token-cache";
import { describeTokenFailure } from "@/lib/assetpay/token-failure";
import { refuseOverTokenRateLimit } from "@/lib/auth/token-rate-limit";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { retryAfterHeader } from "@/lib/http/retry-after";
import { withStaff } from "@/lib/http/with-staff";

export const POST = withStaff(
  async (_request, staff) => {
    const overLimit = refuseOverTokenRateLimit(staff.email);
    if (overLimit) return overLimit;
    try {
      const { token, expiresAt, wsUrl } = await staffTokenCache().grantFor(`staff:${staff.email.toLowerCase()}`, () =>
        mintClientToken({ clientId: staff.email }),
      );
      return noStoreJson({ token, expiresAt, wsUrl });
    } catch (error) {
      const failure = describeTokenFailure(error);
      console.error(`[assetpay] client token not minted: ${error instanceof Error ? error.message : "unknown error"}`);
      return jsonError(failure.status, failure.code, failure.message, retryAfterHeader(failure.retryAfterSeconds));
    }
  },
  { sameOriginOnly: "Token requests must come from the dashboard's own pages." },
);
