import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { requestAtHost } from "./request-at-host";

const NO_AUTH_URL = {};

function request(headers: Record<string, string>, init: { method?: string; body?: string } = {}): NextRequest {
  return new NextRequest("http://localhost:3000/api/auth/callback/oidc?code=c&state=s", { headers, ...init });
}

describe("requestAtHost", () => {
  it("puts the request at the address the browser used, 127.0.0.1 included", () => {
    const moved = requestAtHost(request({ host: "127.0.0.1:3000", cookie: "a=b" }), NO_AUTH_URL);
    expect(moved.url).toBe("http://127.0.0.1:3000/api/auth/callback/oidc?code=c&state=s");
    expect(moved.headers.get("cookie")).toBe("a=b");
  });

  it("follows a proxy's forwarded host and protocol, like next-auth's server actions", () => {
    const moved = requestAtHost(request({ host: "10.0.0.5:3000", "x-forwarded-host": "ops.example.com", "x-forwarded-proto": "https" }), NO_AUTH_URL);
    expect(moved.url).toBe("https://ops.example.com/api/auth/callback/oidc?code=c&state=s");
  });

  it("passes a POST body on unread", async () => {
    const moved = requestAtHost(request({ host: "127.0.0.1:3000", "content-type": "application/x-www-form-urlencoded" }, { method: "POST", body: "code=c&state=s" }), NO_AUTH_URL);
    expect(moved.method).toBe("POST");
    expect(await moved.text()).toBe("code=c&state=s");
  });

  it("leaves a request alone when there is nothing better to use, or AUTH_URL decides", () => {
    const unusable: Record<string, string>[] = [{ host: "localhost:3000" }, { host: "exa mple.com" }, { host: "ops.example.com", "x-forwarded-proto": "javascript" }];
    for (const headers of unusable) {
      const same = request(headers);
      expect(requestAtHost(same, NO_AUTH_URL)).toBe(same);
    }
    const configured = request({ host: "127.0.0.1:3000" });
    expect(requestAtHost(configured, { AUTH_URL: "https://ops.example.com" })).toBe(configured);
  });
});
