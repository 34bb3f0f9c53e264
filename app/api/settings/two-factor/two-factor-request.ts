// What the two-factor settings routes share: their withStaff options (same-origin, and open while the
// staff member must still enrol), the `{ code }` body, the password-accounts-only rule and the answer
// for an enrolment result (a refusal is a 400 with its code and message).
import { z } from "zod";
import { teamBody, type Parsed } from "@/app/api/alerts/team-request";
import type { StaffSession } from "@/lib/auth";
import type { EnrolmentResult } from "@/lib/auth/two-factor/enrolment";
import { isPasswordAccount } from "@/lib/auth/two-factor/requirement";
import { MAX_CODE_LENGTH } from "@/lib/auth/two-factor/accept-code";
import { jsonError, noStoreJson } from "@/lib/http/json";
import type { WithStaffOptions } from "@/lib/http/with-staff";

export const TWO_FACTOR_ROUTE: WithStaffOptions = {
  sameOriginOnly: "Two-factor settings change only from the dashboard's own Settings page.",
  duringTwoFactorEnrolment: true,
};

const codeSchema = z.object({
  code: z
    .string({ error: "Expected the authentication code as a string." })
    .trim()
    .min(1, "Enter the authentication code.")
    .max(MAX_CODE_LENGTH, "That is too long for an authentication code."),
});

export async function codeBody(request: Request): Promise<Parsed<string>> {
  const body = await teamBody(request, codeSchema);
  return body.ok ? { ok: true, value: body.value.code } : body;
}

/** null when the staff member may use two-factor sign-in here; else the 400 to answer. */
export function refuseSingleSignOn(staff: StaffSession): Response | null {
  return isPasswordAccount(staff)
    ? null
    : jsonError(400, "not_password_account", "Two-factor sign-in is for password accounts; your identity provider asks for your second factor.");
}

export function enrolmentAnswer<T extends object>(result: EnrolmentResult<T>, body: (value: T) => unknown): Response {
  if (!result.ok) return jsonError(400, result.code, result.message);
  return noStoreJson(body(result));
}
