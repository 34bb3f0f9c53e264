import { describe, expect, it } from "vitest";
import { parseStaffAccounts } from "./auth";

const HASH = "$2b$10$abcdefghijklmnopqrstuu5vU5mP7XwQH6L2yWq8o0m6fI9cJzR1y";

describe("parseStaffAccounts", () => {
  const other = "$2a$12$0123456789abcdefghijkOeW0mT1f5gdu2BqkqK2X9gH0Ew3e/x.a";

  it("splits on commas and on the first colon, lowercasing emails", () => {
    expect(parseStaffAccounts(` Ops@Example.test:${HASH} , b@x.io:${other}`)).toEqual([
      { email: "ops@example.test", role: "operator", passwordHash: HASH },
      { email: "b@x.io", role: "operator", passwordHash: other },
    ]);
  });

  it("reads an optional role between email and hash", () => {
    expect(parseStaffAccounts(`v@x.io:viewer:${HASH},a@x.io: admin :${other},o@x.io:operator:${HASH}`)).toEqual([
      { email: "v@x.io", role: "viewer", passwordHash: HASH },
      { email: "a@x.io", role: "admin", passwordHash: other },
      { email: "o@x.io", role: "operator", passwordHash: HASH },
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
    [`a@x.io:root:${HASH}`, /entry 1 \(a@x\.io\) has a role that is not one of viewer, operator, admin/],
    [`a@x.io:Admin:${HASH}`, /entry 1 \(a@x\.io\) has a role that is not one of/],
  ])("refuses %j", (value, expected) => {
    expect(() => parseStaffAccounts(value)).toThrowError(expected);
  });

  it("does not echo an entry without a colon (it may be a password)", () => {
    expect(() => parseStaffAccounts("correct horse battery")).toThrowError(/^STAFF_ACCOUNTS: (?!.*horse)/);
  });
});
