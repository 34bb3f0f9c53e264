import { describe, expect, it } from "vitest";
import { sessionCookieDigest } from "./session-cookie";

describe("sessionCookieDigest", () => {
  it("hashes the session cookie with all its chunks, in any order, and never contains it", () => {
    const digest = sessionCookieDigest("a=1; authjs.session-token=secret-jwt; b=2");
    expect(digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(digest).not.toContain("secret-jwt");
    expect(sessionCookieDigest("authjs.session-token.1=y; authjs.session-token.0=x")).toBe(sessionCookieDigest("authjs.session-token.0=x; authjs.session-token.1=y"));
    expect(sessionCookieDigest("authjs.session-token=other")).not.toBe(digest);
  });

  it("reads the __Secure- cookie served over HTTPS", () => {
    expect(sessionCookieDigest("__Secure-authjs.session-token=abc")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("is null without a session cookie", () => {
    expect(sessionCookieDigest(null)).toBeNull();
    expect(sessionCookieDigest("authjs.csrf-token=abc; other=1")).toBeNull();
  });
});
