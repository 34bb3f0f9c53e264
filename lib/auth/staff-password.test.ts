import bcrypt from "bcryptjs";
import { describe, expect, it, vi } from "vitest";
import { inThreadHasher } from "./bcrypt-pool";
import { findStaffAccount, verifyStaffPassword } from "./staff-password";

const accounts = [
  { email: "ops@example.test", role: "operator" as const, passwordHash: bcrypt.hashSync("right-password", 4) },
  { email: "lead@example.test", role: "operator" as const, passwordHash: bcrypt.hashSync("other-password", 4) },
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

  it("runs a bcrypt compare for an unknown email too, against a dummy hash of the accounts' cost", async () => {
    // Wall time is what an attacker measures, but timing it here only made the test slow and noisy
    // (bench/staff-password.ts prints the figures): what keeps the times equal is this one compare.
    const compare = vi.spyOn(bcrypt, "compare");
    try {
      const costly = [{ email: "a@x.io", role: "operator" as const, passwordHash: bcrypt.hashSync("pw", 6) }];
      // In-thread, so the spy sees the compare (the default hasher runs the same calls in a worker).
      expect(await verifyStaffPassword(costly, "ghost@x.io", "pw", inThreadHasher)).toBeNull();
      expect(compare).toHaveBeenCalledTimes(1);
      const [password, dummy] = compare.mock.calls[0] ?? [];
      expect(password).toBe("pw");
      expect(dummy).not.toBe(costly[0]?.passwordHash);
      expect(bcrypt.getRounds(String(dummy))).toBe(6);

      // A known email costs exactly the same: one compare, against the account's own hash.
      compare.mockClear();
      expect(await verifyStaffPassword(costly, "a@x.io", "nope", inThreadHasher)).toBeNull();
      expect(compare.mock.calls).toEqual([["nope", costly[0]?.passwordHash]]);
    } finally {
      compare.mockRestore();
    }
  });
});

describe("findStaffAccount", () => {
  it("is true only for listed emails", () => {
    expect(findStaffAccount(accounts, "Lead@Example.test")?.email).toBe("lead@example.test");
    expect(findStaffAccount(accounts, "x@example.test")).toBeNull();
    expect(findStaffAccount(accounts, null)).toBeNull();
  });
});
