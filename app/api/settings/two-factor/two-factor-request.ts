// What the two-factor settings routes share: their withStaff options (same-origin, and open while the
// staff member must still enrol), the password-accounts-only rule, and the whole of the routes that take
// a `{ code }` body (turn on, turn off, new recovery codes), which differ only in what the code unlocks.
import { z } from "zod";
import { teamBody, type Parsed } from "@/app/api/alerts/team-request";
import type { StaffSession } from "@/lib/auth";
import { twoFactorContext, type TwoFactorContext } from "@/lib/auth/two-factor/context";
import type { EnrolmentResult } from "@/lib/auth/two-factor/enrolment";
import { staffRateLimit } from "@/lib/auth/staff-rate-limit";
import { isPasswordAccount } from "@/lib/auth/two-factor/requirement";
import { MAX_CODE_LENGTH } from "@/lib/auth/two-factor/accept-code";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { withStaff, type WithStaffOptions } from "@/lib/http/with-staff";

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

/**
 * Guessing codes through these routes needs a signed-in session but meets no sign-in limiter: a few
 * tries a minute per staff member is plenty for a person and leaves a script about 1 chance in 70,000 a minute.
 */
export const CODE_ATTEMPTS_PER_MINUTE = 5;
const codeAttempts = staffRateLimit("two-factor-code", CODE_ATTEMPTS_PER_MINUTE, "authentication code attempts");

/** The `{ code }` body, or the answer to return: 429 past CODE_ATTEMPTS_PER_MINUTE, 400/413 for a bad body. */
async function codeBody(request: Request, staff: StaffSession): Promise<Parsed<string>> {
  const limited = codeAttempts.refuse(staff.email);
  if (limited) return { ok: false, response: limited };
  const body = await teamBody(request, codeSchema);
  return body.ok ? { ok: true, value: body.value.code } : body;
}

/** null when the staff member may use two-factor sign-in here; else the 400 to answer. */
export function refuseSingleSignOn(staff: StaffSession): Response | null {
  return isPasswordAccount(staff)
    ? null
    : jsonError(400, "not_password_account", "Two-factor sign-in is for password accounts; your identity provider asks for your second factor.");
}

/**
 * A POST `{ code }` route: refuses single sign-on accounts, limits and reads the code, then answers what
 * `act` did with it: its refusal as a 400 with its code and message, else `body` of its result, never cached.
 */
export function codeRoute<T extends object>(
  act: (context: TwoFactorContext, staff: StaffSession, code: string) => Promise<EnrolmentResult<T>>,
  body: (value: T) => unknown,
): (request: Request, context: unknown) => Promise<Response> {
  return withStaff(async (request, staff) => {
    const refused = refuseSingleSignOn(staff);
    if (refused) return refused;
    const code = await codeBody(request, staff);
    if (!code.ok) return code.response;
    const result = await act(twoFactorContext(request.headers), staff, code.value);
    if (!result.ok) return jsonError(400, result.code, result.message);
    return noStoreJson(body(result));
  }, TWO_FACTOR_ROUTE);
}
