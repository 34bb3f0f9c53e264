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

  it("covers every cookie next-auth might read, so a junk cookie beside a valid one never becomes a key of its own", () => {
    const both = sessionCookieDigest("__Secure-authjs.session-token=alias-X; authjs.session-token=valid");
    expect(both).not.toBe(sessionCookieDigest("__Secure-authjs.session-token=alias-X"));
    expect(both).not.toBe(sessionCookieDigest("authjs.session-token=valid"));
    // next-auth joins any cookie whose name starts with the session cookie's name, not only `.N` chunks.
    expect(sessionCookieDigest("authjs.session-token=first-half; authjs.session-tokenZ=second-half")).not.toBe(sessionCookieDigest("authjs.session-token=first-half"));
    // With duplicate names the first wins in next-auth's parser: both are part of the key.
    expect(sessionCookieDigest("authjs.session-token=valid; authjs.session-token=junk")).not.toBe(sessionCookieDigest("authjs.session-token=junk"));
  });

  it("ignores cookies that are not session-like, so unrelated cookies changing does not matter", () => {
    expect(sessionCookieDigest("theme=dark; authjs.session-token=valid")).toBe(sessionCookieDigest("authjs.session-token=valid; authjs.callback-url=%2F"));
  });
});
