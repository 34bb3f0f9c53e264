// Turns a refused sign-in into the sentence the form shows. Deliberately does not say whether the
// email or the password was wrong.
import { tooManyAttemptsMessage } from "./sign-in-limiter";
import { describeSsoRefusal } from "./sso-refusal";

export const WRONG_CREDENTIALS = "Wrong email or password.";
const STORE_UNAVAILABLE = "store_unavailable";
const STORE_UNAVAILABLE_MESSAGE =
  "Sign-in could not finish: the dashboard cannot reach its recorder yet (it may still be starting). Try again in a few seconds.";

/** For an error next-auth threw (server action) or its `?error=&code=` redirect; null if not a sign-in error. */
export function describeSignInError(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const { type, code, retryAfterSeconds } = error as { type?: unknown; code?: unknown; retryAfterSeconds?: unknown };
  if (code === "too_many_attempts") {
    return typeof retryAfterSeconds === "number"
      ? tooManyAttemptsMessage(retryAfterSeconds)
      : "Too many attempts, try again in a few minutes";
  }
  if (code === STORE_UNAVAILABLE) return STORE_UNAVAILABLE_MESSAGE;
  if (type === "CredentialsSignin") return WRONG_CREDENTIALS;
  if (type === "AccessDenied") return describeSsoRefusal(code) ?? "Sign-in refused.";
  if (typeof type === "string") return "Sign-in failed: the server could not complete it. Try again, or ask an administrator to check its logs.";
  return null;
}
