// POST { code }: turns two-factor sign-in on once the code verifies against the pending key; answers the
// ten recovery codes, the only time they are shown. 400 with a clear error otherwise.
import { twoFactorContext } from "@/lib/auth/two-factor/context";
import { turnOn } from "@/lib/auth/two-factor/enrolment";
import { noteTwoFactorEnabled } from "@/lib/auth/two-factor/requirement";
import { withStaff } from "@/lib/http/with-staff";
import { codeBody, enrolmentAnswer, refuseSingleSignOn, TWO_FACTOR_ROUTE } from "../two-factor-request";

export const dynamic = "force-dynamic";

export const POST = withStaff(async (request, staff) => {
  const refused = refuseSingleSignOn(staff);
  if (refused) return refused;
  const code = await codeBody(request, staff);
  if (!code.ok) return code.response;
  const result = await turnOn(twoFactorContext(request.headers), staff.email, code.value);
  if (result.ok) noteTwoFactorEnabled(staff.email, true);
  return enrolmentAnswer(result, ({ recoveryCodes }) => ({ recoveryCodes }));
}, TWO_FACTOR_ROUTE);
