// POST { code }: turns two-factor sign-in on once the code verifies against the pending key; answers the
// ten recovery codes, the only time they are shown. 400 with a clear error otherwise.
import { turnOn } from "@/lib/auth/two-factor/enrolment";
import { noteTwoFactorEnabled } from "@/lib/auth/two-factor/requirement";
import { codeRoute } from "../two-factor-request";

export const dynamic = "force-dynamic";

export const POST = codeRoute(
  async (context, staff, code) => {
    const result = await turnOn(context, staff.email, code);
    if (result.ok) noteTwoFactorEnabled(staff.email, true);
    return result;
  },
  ({ recoveryCodes }) => ({ recoveryCodes }),
);
