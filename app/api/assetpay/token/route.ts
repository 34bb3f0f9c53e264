// POST: an AssetPay client token for the signed-in staff member's browser socket. Limited per staff
// member, and answered from a per-staff cache while the last token has most of its life left, so a
// burst of tabs, or of sign-ins, mints once (API-minted tokens spend the merchant's AssetPay budget). A
// browser whose token AssetPay refused names it by digest in the body (./token-request-body.ts), and
// gets a fresh one. An ended session gets nothing (withStaff refuses it first), so a token handed to
// it outlives the session by at most its own lifetime (ASSETPAY_TOKEN_TTL_SECONDS when signed locally,
// AssetPay's otherwise): AssetPay cannot revoke a client token, and the browser's tabs drop their
// socket when the session ends. Sharing the cache among one staff member's sessions hands nobody a
// token they could not get themselves: every client token is minted for the dashboard's one identity.
import { mintClientToken } from "@/lib/assetpay/client-token";
import { staffTokenCache } from "@/lib/assetpay/staff-token-cache";
import { describeTokenFailure } from "@/lib/assetpay/token-failure";
import { refuseOverTokenRateLimit } from "@/lib/auth/token-rate-limit";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { retryAfterHeader } from "@/lib/http/retry-after";
import { withStaff } from "@/lib/http/with-staff";
import { readTokenRequestBody } from "./token-request-body";

export const POST = withStaff(
  async (request, staff) => {
    const overLimit = refuseOverTokenRateLimit(staff.email);
    if (overLimit) return overLimit;
    const body = await readTokenRequestBody(request);
    if (!body.ok) return jsonError(body.status, body.status === 413 ? "body_too_large" : "invalid_body", body.message);
    try {
      const { token, expiresAt, wsUrl } = await staffTokenCache().grantFor(
        staff.email,
        () => mintClientToken({ clientId: staff.email }),
        body.refusedDigest,
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
