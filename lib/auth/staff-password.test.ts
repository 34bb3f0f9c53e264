import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { isStaffEmail, verifyStaffPassword } from "./staff-password";

const accounts = [
  { email: "ops@example.test", passwordHash: bcrypt.hashSync("right-password", 4) },
  { email: "lead@example.test", passwordHash: bcrypt.hashSync("other-password", 4) },
];

describe("verifyStaffPassword", () => {
  it("accepts the right password for a listed email, case-insensitively", async () => {
    expect(await verifyStaffPassword(accounts, " OPS@example.test ", "right-password")).toEqual(accounts[0]);
  });

  it("refuses a wrong password, another account's password and an unknown email", async () => {
    expect(await verifyStaffPassword(accounts, "ops@example.test", "wrong")).toBeNull();
    expect(await verifyStaffPassword(accounts, "ops@example.test", "other-password")).toBeNull();
    expect(await verifyStaffPassword(accounts, "nobody@example.test", "right-password")).toBeNull();
    expect(await verifyStaffPassword([], "nobody@example.test", "x")).toBeNull();
  });

  it("spends bcrypt work on unknown emails too (a dummy hash of the same cost)", async () => {
    const slow = [{ email: "a@x.io", passwordHash: bcrypt.hashSync("pw", 10) }];
    await verifyStaffPassword(slow, "warm@x.io", "pw"); // first call also creates the dummy hash
    const timed = async (email: string) => {
      const start = performance.now();
      await verifyStaffPassword(slow, email, "nope");
      return performance.now() - start;
    };
    const known = await timed("a@x.io");
    const unknown = await timed("ghost@x.io");
    expect(unknown).toBeGreaterThan(known / 3);
  });
});

describe("isStaffEmail", () => {
  it("is true only for listed emails", () => {
    expect(isStaffEmail(accounts, "Lead@Example.test")).toBe(true);
    expect(isStaffEmail(accounts, "x@example.test")).toBe(false);
    expect(isStaffEmail(accounts, null)).toBe(false);
  });
});
