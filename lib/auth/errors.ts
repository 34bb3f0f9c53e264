// Sign-in refusals that carry more than "wrong email or password".
import { CredentialsSignin } from "next-auth";

/** Thrown from `authorize` while the limiter refuses this address; the code lands in error URLs. */
export class TooManyAttempts extends CredentialsSignin {
  override code = "too_many_attempts";

  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}
