import { describe, expect, it } from "vitest";
import { CODE_NEEDED, twoFactorSignInState, WRONG_CODE_OR_CREDENTIALS } from "./sign-in-state";

// Shaped like the errors next-auth hands the server action (next-auth itself does not load under vitest).
const codeNeeded = { type: "CredentialsSignin", code: CODE_NEEDED };
const refused = { type: "CredentialsSignin", code: "credentials" };
const tooMany = { type: "CredentialsSignin", code: "too_many_attempts", retryAfterSeconds: 40 };

describe("the sign-in form after a refusal", () => {
  it("asks for the code, with no error, when the password was right and a code is needed", () => {
    expect(twoFactorSignInState(codeNeeded, "a@x.io", "")).toEqual({ error: null, email: "a@x.io", codeNeeded: true });
  });

  it("stays on the code step with a generic refusal when a code was sent", () => {
    expect(twoFactorSignInState(refused, "a@x.io", "123456")).toEqual({
      error: WRONG_CODE_OR_CREDENTIALS,
      email: "a@x.io",
      codeNeeded: true,
    });
    expect(twoFactorSignInState(tooMany, "a@x.io", "123456")?.error).toMatch(/Too many attempts/);
  });

  it("leaves a password-only refusal to the usual wording", () => {
    expect(twoFactorSignInState(refused, "a@x.io", "")).toBeNull();
  });
});
