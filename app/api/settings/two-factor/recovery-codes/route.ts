// POST { code }: ten new recovery codes in place of the old ones, with a current authentication code;
// shown this once.
import { renewRecoveryCodes } from "@/lib/auth/two-factor/enrolment";
import { codeRoute } from "../two-factor-request";

export const dynamic = "force-dynamic";

export const POST = codeRoute(
  (context, staff, code) => renewRecoveryCodes(context, staff.email, code),
  ({ recoveryCodes }) => ({ recoveryCodes }),
);
