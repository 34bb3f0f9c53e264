import { describe, expect, it } from "vitest";
import { describeSignInError } from "./sign-in-error";
import { describeSsoRefusal, ssoRefusalPath } from "./sso-refusal";

describe("single sign-on refusals", () => {
  it("send the person back to the sign-in page with a code the page words", () => {
    const url = new URL(ssoRefusalPath("sso_domain"), "http://dashboard.invalid");
    expect(url.pathname).toBe("/sign-in");
    expect(describeSignInError({ type: url.searchParams.get("error"), code: url.searchParams.get("code") })).toMatch(
      /^Single sign-on refused: your email address is not in a domain allowed/,
    );
  });

  it("word only their own codes", () => {
    expect(describeSsoRefusal("sso_unverified")).toMatch(/not verified your email/);
    expect(describeSsoRefusal("constructor")).toBeNull();
    expect(describeSsoRefusal(undefined)).toBeNull();
    expect(describeSignInError({ type: "AccessDenied", code: "<script>" })).toBe("Sign-in refused.");
  });
});
