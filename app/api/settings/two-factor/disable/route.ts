// POST { code }: turns two-factor sign-in off with a current authentication code (TOTP or recovery);
// refused with 400 `two_factor_required` when AUTH_REQUIRE_TWO_FACTOR covers the account.
import { turnOff } from "@/lib/auth/two-factor/enrolment";
import { noteTwoFactorEnabled, twoFactorRequiredFor } from "@/lib/auth/two-factor/requirement";
import { codeRoute } from "../two-factor-request";

export const dynamic = "force-dynamic";

export const POST = codeRoute(
  async (context, staff, code) => {
    const result = await turnOff(context, staff.email, code, twoFactorRequiredFor(staff));
    if (result.ok) noteTwoFactorEnabled(staff.email, false);
    return result;
  },
  () => ({ enabled: false }),
);
