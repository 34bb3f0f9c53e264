import { describe, expect, it } from "vitest";
import { describeSignInError } from "./sign-in-error";

describe("describeSignInError", () => {
  it("words each refusal without saying which field was wrong", () => {
    expect(describeSignInError({ type: "CredentialsSignin", code: "credentials" })).toBe("Wrong email or password.");
    expect(describeSignInError({ type: "CredentialsSignin", code: "too_many_attempts", retryAfterSeconds: 30 })).toBe(
      "Too many attempts, try again in 30 s",
    );
    expect(describeSignInError({ type: "CredentialsSignin", code: "too_many_attempts" })).toMatch(/^Too many attempts/);
    expect(describeSignInError({ type: "Configuration" })).toMatch(/^Sign-in failed/);
    expect(describeSignInError({ type: "CredentialsSignin", code: "store_unavailable" })).toMatch(/cannot reach its recorder yet/);
    expect(describeSignInError(new Error("x"))).toBeNull();
  });
});
