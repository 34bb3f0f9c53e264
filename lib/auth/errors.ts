// Sign-in refusals that carry more than "wrong email or password".
import { CredentialsSignin } from "next-auth";

/** Thrown from `authorize` while the limiter refuses this address; the code lands in error URLs. */
export class TooManyAttempts extends CredentialsSignin {
  override code = "too_many_attempts";

  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/**
 * Thrown from `authorize` when the password matched but the store that says whether the account has
 * two-factor sign-in on cannot be reached (the recorder is still starting, or down). Refusing is the
 * safe side; the form says why, so a person retries instead of doubting their password.
 */
export class SignInStoreUnavailable extends CredentialsSignin {
  override code = "store_unavailable";
}
