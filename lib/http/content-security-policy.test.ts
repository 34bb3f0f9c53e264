import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, socketOrigins } from "./content-security-policy";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((part) => {
    const [name = "", ...values] = part.trim().split(/\s+/);
    return [name, values];
  }));
}

describe("socketOrigins", () => {
  it("lists the socket origin as http(s) and ws(s), without path", () => {
    expect(socketOrigins("http://127.0.0.1:4010")).toEqual(["http://127.0.0.1:4010", "ws://127.0.0.1:4010"]);
    expect(socketOrigins("https://api.assetpay.co/socket")).toEqual(["https://api.assetpay.co", "wss://api.assetpay.co"]);
    expect(socketOrigins("wss://ws.assetpay.co")).toEqual(["https://ws.assetpay.co", "wss://ws.assetpay.co"]);
  });

  it("lists nothing for a missing, malformed or non-web URL", () => {
    expect(socketOrigins(null)).toEqual([]);
    expect(socketOrigins("not a url")).toEqual([]);
    expect(socketOrigins("javascript:alert(1)")).toEqual([]);
  });
});

describe("contentSecurityPolicy", () => {
  const policy = directives(contentSecurityPolicy({ nonce: "abc123", socketUrl: "https://api.assetpay.co" }));

  it("allows scripts only with the nonce, never inline or eval", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("connects only to our origin and the socket origin, and forbids framing", () => {
    expect(policy.get("connect-src")).toEqual(["'self'", "https://api.assetpay.co", "wss://api.assetpay.co"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
  });

  it("lets forms post only to our origin, plus the single sign-on issuer's when there is one", () => {
    expect(policy.get("form-action")).toEqual(["'self'"]);
    const sso = directives(contentSecurityPolicy({ nonce: "n", socketUrl: null, ssoIssuer: "https://login.example.com/realms/ops" }));
    expect(sso.get("form-action")).toEqual(["'self'", "https://login.example.com"]);
    const malformed = directives(contentSecurityPolicy({ nonce: "n", socketUrl: null, ssoIssuer: "javascript:alert(1)" }));
    expect(malformed.get("form-action")).toEqual(["'self'"]);
  });

  it("adds eval only for next dev", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", socketUrl: null, dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("connect-src")).toEqual(["'self'"]);
  });
});

describe("newNonce", () => {
  it("is fresh base64 every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
