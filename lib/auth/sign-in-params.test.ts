import { describe, expect, it } from "vitest";
import { parseSignInParams } from "./sign-in-params";

describe("parseSignInParams", () => {
  it("reads a safe callback and a next-auth error", () => {
    expect(parseSignInParams({ callbackUrl: "/board?x=1", error: "CredentialsSignin", code: "credentials" })).toEqual({
      callbackPath: "/board?x=1",
      error: "Wrong email or password.",
    });
    expect(parseSignInParams({ callbackUrl: ["//evil", "/x"] })).toEqual({ callbackPath: "/board", error: null });
  });
});
