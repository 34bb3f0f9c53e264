import { describe, expect, it } from "vitest";
import { parseStaffAccounts } from "./auth";

const HASH = "$2b$10$abcdefghijklmnopqrstuu5vU5mP7XwQH6L2yWq8o0m6fI9cJzR1y";

describe("parseStaffAccounts", () => {
  const other = "$2a$12$0123456789abcdefghijkOeW0mT1f5gdu2BqkqK2X9gH0Ew3e/x.a";

  it("splits on commas and on the first colon, lowercasing emails", () => {
    expect(parseStaffAccounts(` Ops@Example.test:${HASH} , b@x.io:${other}`)).toEqual([
      { email: "ops@example.test", passwordHash: HASH },
      { email: "b@x.io", passwordHash: other },
    ]);
  });

  it.each([
    ["", /entry 1 is empty/],
    [`a@x.io:${HASH},`, /entry 2 is empty/],
    ["a@x.io", /entry 1 has no ":"/],
    [`not-an-email:${HASH}`, /entry 1 does not start with an email address/],
    ["a@x.io:plaintext-password", /entry 1 \(a@x\.io\) has no valid bcrypt hash/],
    [`a@x.io:${HASH}:extra`, /entry 1 \(a@x\.io\) has no valid bcrypt hash/],
    [`a@x.io:${HASH},A@x.io:${other}`, /a@x\.io is listed twice/],
  ])("refuses %j", (value, expected) => {
    expect(() => parseStaffAccounts(value)).toThrowError(expected);
  });

  it("does not echo an entry without a colon (it may be a password)", () => {
    expect(() => parseStaffAccounts("correct horse battery")).toThrowError(/^STAFF_ACCOUNTS: (?!.*horse)/);
  });
});
