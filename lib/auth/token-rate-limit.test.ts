import { describe, expect, it } from "vitest";
import { TOKEN_REQUESTS_PER_MINUTE, refuseOverTokenRateLimit } from "./token-rate-limit";

describe("refuseOverTokenRateLimit", () => {
  it("lets a staff member through 30 times a minute, then answers 429 JSON with Retry-After", async () => {
    const email = `ops-${Math.random()}@example.test`;
    for (let i = 0; i < TOKEN_REQUESTS_PER_MINUTE; i++) expect(refuseOverTokenRateLimit(email)).toBeNull();
    const refused = refuseOverTokenRateLimit(email);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused?.headers.get("cache-control")).toContain("no-store");
    const body = (await refused?.json()) as { error: { code: string } };
    expect(body.error.code).toBe("too_many_requests");
    // Another staff member is not affected.
    expect(refuseOverTokenRateLimit(`other-${Math.random()}@example.test`)).toBeNull();
  });

  it("counts the staff member, not the spelling of the address", () => {
    const email = `Ops-${Math.random()}@Example.test`;
    for (let i = 0; i < TOKEN_REQUESTS_PER_MINUTE; i++) expect(refuseOverTokenRateLimit(i % 2 ? email : email.toLowerCase())).toBeNull();
    expect(refuseOverTokenRateLimit(email.toUpperCase())?.status).toBe(429);
  });
});
