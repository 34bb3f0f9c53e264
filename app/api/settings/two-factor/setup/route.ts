// POST: a new TOTP key for the signed-in staff member, kept pending until a code from it turns it on:
// the key as text, its otpauth:// URI and that URI as a QR code (data: URL). 400 when already on.
import { twoFactorContext } from "@/lib/auth/two-factor/context";
import { startSetup } from "@/lib/auth/two-factor/enrolment";
import { qrCodeDataUrl } from "@/lib/auth/two-factor/qr-code";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";
import { refuseSingleSignOn, TWO_FACTOR_ROUTE } from "../two-factor-request";

export const dynamic = "force-dynamic";

export const POST = withStaff(async (request, staff) => {
  const refused = refuseSingleSignOn(staff);
  if (refused) return refused;
  const setup = await startSetup(twoFactorContext(request.headers), staff.email);
  if (!setup.ok) return jsonError(400, setup.code, setup.message);
  return noStoreJson({ key: setup.key, uri: setup.uri, qrCode: await qrCodeDataUrl(setup.uri) });
}, TWO_FACTOR_ROUTE);
