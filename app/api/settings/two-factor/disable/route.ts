// POST { code }: turns two-factor sign-in off with a current authentication code (TOTP or recovery);
// refused with 400 `two_factor_required` when AUTH_REQUIRE_TWO_FACTOR covers the account.
import { twoFactorContext } from "@/lib/auth/two-factor/context";
import { turnOff } from "@/lib/auth/two-factor/enrolment";
import { noteTwoFactorEnabled, twoFactorRequiredFor } from "@/lib/auth/two-factor/requirement";
import { withStaff } from "@/lib/http/with-staff";
import { codeBody, enrolmentAnswer, refuseSingleSignOn, TWO_FACTOR_ROUTE } from "../two-factor-request";

export const dynamic = "force-dynamic";

export const POST = withStaff(async (request, staff) => {
  const refused = refuseSingleSignOn(staff);
  if (refused) return refused;
  const code = await codeBody(request, staff);
  if (!code.ok) return code.response;
  const result = await turnOff(twoFactorContext(request.headers), staff.email, code.value, twoFactorRequiredFor(staff));
  if (result.ok) noteTwoFactorEnabled(staff.email, false);
  return enrolmentAnswer(result, () => ({ enabled: false }));
}, TWO_FACTOR_ROUTE);
