import { describe, expect, it } from "vitest";
import { isSessionCookieName } from "./session-cookie-name";

describe("isSessionCookieName", () => {
  it("knows the plain and __Secure- session cookies and their chunks", () => {
    for (const name of ["authjs.session-token", "authjs.session-token.0", "__Secure-authjs.session-token", "__Secure-authjs.session-token.1"]) {
      expect(isSessionCookieName(name)).toBe(true);
    }
  });

  it("ignores Auth.js's other cookies and look-alikes", () => {
    for (const name of ["authjs.csrf-token", "authjs.callback-url", "authjs.session-token-x", "xauthjs.session-token", ""]) {
      expect(isSessionCookieName(name)).toBe(false);
    }
  });
});
