// What the sign-in form shows after a refusal that concerns the second step: "code needed" (the
// password was right, ask for the Authentication code, no error yet), or a refusal of an attempt that
// carried a code (stay on the code step). The wording never says which of password or code was wrong.
import type { SignInState } from "@/lib/auth/actions";
import { describeSignInError, WRONG_CREDENTIALS } from "@/lib/auth/sign-in-error";

/** The code of the refusal that means "password right, now the code" (./code-needed). */
export const CODE_NEEDED = "two_factor_code_needed";
export const WRONG_CODE_OR_CREDENTIALS = "Wrong email, password or authentication code.";

/** null: not about the second step (the caller describes the error as before). */
export function twoFactorSignInState(error: unknown, email: string, code: string): SignInState | null {
  if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === CODE_NEEDED) {
    return { error: null, email, codeNeeded: true };
  }
  if (code.trim() === "") return null;
  const described = describeSignInError(error);
  return { error: described === WRONG_CREDENTIALS ? WRONG_CODE_OR_CREDENTIALS : (described ?? "Sign-in failed."), email, codeNeeded: true };
}
