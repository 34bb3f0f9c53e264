// POST { code }: ten new recovery codes in place of the old ones, with a current authentication code;
// shown this once.
import { twoFactorContext } from "@/lib/auth/two-factor/context";
import { renewRecoveryCodes } from "@/lib/auth/two-factor/enrolment";
import { withStaff } from "@/lib/http/with-staff";
import { codeBody, enrolmentAnswer, refuseSingleSignOn, TWO_FACTOR_ROUTE } from "../two-factor-request";

export const dynamic = "force-dynamic";

export const POST = withStaff(async (request, staff) => {
  const refused = refuseSingleSignOn(staff);
  if (refused) return refused;
  const code = await codeBody(request, staff);
  if (!code.ok) return code.response;
  const result = await renewRecoveryCodes(twoFactorContext(request.headers), staff.email, code.value);
  return enrolmentAnswer(result, ({ recoveryCodes }) => ({ recoveryCodes }));
}, TWO_FACTOR_ROUTE);
