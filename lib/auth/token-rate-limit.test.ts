import { describe, expect, it } from "vitest";
import { sessionCookieDigest } from "./session-cookie";
import { TOKEN_REQUESTS_PER_MINUTE, refuseOverTokenRateLimit, sessionKey } from "./token-rate-limit";

function tokenRequest(cookie: string): Request {
  return new Request("http://127.0.0.1/api/assetpay/token", { method: "POST", headers: { cookie } });
}

describe("sessionKey", () => {
  it("keys by the session cookie's digest, so the cookie itself is never kept", () => {
    const key = sessionKey("a=1; authjs.session-token=secret-jwt; b=2", "ops@example.test");
    expect(key).toBe(`session:${sessionCookieDigest("authjs.session-token=secret-jwt")}`);
    expect(key).not.toContain("secret-jwt");
  });

  it("falls back to the staff member without a session cookie", () => {
    expect(sessionKey(null, "ops@example.test")).toBe("staff:ops@example.test");
  });
});

describe("refuseOverTokenRateLimit", () => {
  it("lets a session through 30 times a minute, then answers 429 JSON with Retry-After", async () => {
    const cookie = `authjs.session-token=${Math.random()}`;
    for (let i = 0; i < TOKEN_REQUESTS_PER_MINUTE; i++) expect(refuseOverTokenRateLimit(tokenRequest(cookie), "e")).toBeNull();
    const refused = refuseOverTokenRateLimit(tokenRequest(cookie), "e");
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused?.headers.get("cache-control")).toContain("no-store");
    const body = (await refused?.json()) as { error: { code: string } };
    expect(body.error.code).toBe("too_many_requests");
    // Another session is not affected.
    expect(refuseOverTokenRateLimit(tokenRequest(`authjs.session-token=${Math.random()}`), "e")).toBeNull();
  });
});
