// The refusal `authorize` throws after a correct password when the account has two-factor sign-in on
// and no code came with it: the sign-in form then asks for the Authentication code (./sign-in-state).
// Neither a success nor a failure for the sign-in limiter.
import { CredentialsSignin } from "next-auth";
import { CODE_NEEDED } from "./sign-in-state";

export class TwoFactorCodeNeeded extends CredentialsSignin {
  override code = CODE_NEEDED;
}
