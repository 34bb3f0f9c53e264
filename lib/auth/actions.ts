"use server";
// Server actions behind the sign-in form and the Sign out / Sign out everywhere buttons. Pages pass
// them to components as props; the password goes straight to next-auth and is never logged or echoed
// back. Signing out ends the session on the store too (next-auth's signOut event, ./config.ts).
import { AuthError } from "next-auth";
import { safeCallbackPath } from "./safe-callback";
import { getStaffSession } from "./guards";
import { requestFacts } from "./request-facts";
import { auditQuietly } from "./session-events";
import { endSessionsOf } from "./session-liveness";
import { describeSignInError } from "./sign-in-error";
import { signIn, signOut } from "./next-auth";
import { twoFactorSignInState } from "./two-factor/sign-in-state";

export interface SignInState {
  error: string | null;
  email: string;
  /** The password was right and the account has two-factor sign-in on: ask for the Authentication code. */
  codeNeeded?: boolean;
}

export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const code = String(form.get("code") ?? "");
  const redirectTo = safeCallbackPath(form.get("callbackUrl"));
  try {
    // Redirects (throws NEXT_REDIRECT) on success.
    await signIn("credentials", { email, password, code, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) {
      return twoFactorSignInState(error, email, code) ?? { error: describeSignInError(error) ?? "Sign-in failed.", email };
    }
    throw error;
  }
  return { error: null, email };
}

export async function signOutAndLeave(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

/** Ends every session of the signed-in staff member (every browser, every copy of a cookie), then this one's cookie. */
export async function signOutEverywhereAndLeave(): Promise<void> {
  const staff = await getStaffSession();
  if (staff) {
    const ended = await endSessionsOf(staff.email, "sign-out-everywhere");
    auditQuietly({ actor: staff.email, action: "sign-out-everywhere", subject: staff.email, detail: `${ended} session(s) ended`, ...(await requestFacts()) });
  }
  await signOut({ redirectTo: "/sign-in" });
}
