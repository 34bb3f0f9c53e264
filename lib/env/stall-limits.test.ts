import { describe, expect, it } from "vitest";
import { EnvError } from "./env-error";
import { STALL_VARIABLES, parseStallLimits } from "./stall-limits";

describe("parseStallLimits", () => {
  it("returns nothing when no STALL_* variable is set, so the defaults apply", () => {
    expect(parseStallLimits({})).toEqual({});
    expect(parseStallLimits({ STALL_ACTIVE_SECONDS: "  " })).toEqual({});
  });

  it("converts seconds to the store's milliseconds", () => {
    expect(
      parseStallLimits({
        STALL_DEPOSIT_INITIATED_SECONDS: "300",
        STALL_WITHDRAW_INITIATED_SECONDS: "45",
        STALL_WITHDRAW_PENDING_SECONDS: " 1200 ",
        STALL_ACTIVE_SECONDS: "600",
        STALL_HOLD_GRACE_SECONDS: "0",
      }),
    ).toEqual({ depositInitiatedMs: 300_000, withdrawInitiatedMs: 45_000, withdrawPendingMs: 1_200_000, activeMs: 600_000, holdOverrunMs: 0 });
  });

  it("covers every StallLimits key exactly once", () => {
    const keys = STALL_VARIABLES.map((v) => v.key).sort();
    expect(keys).toEqual(
      ["activeMs", "depositInitiatedMs", "depositPendingMs", "holdOverrunMs", "unknownMs", "withdrawInitiatedMs", "withdrawPendingMs"].sort(),
    );
  });

  it("reports one line per bad variable, naming it and never echoing the value", () => {
    let caught: unknown = null;
    try {
      parseStallLimits({ STALL_ACTIVE_SECONDS: "ten minutes", STALL_UNKNOWN_SECONDS: "0", STALL_DEPOSIT_PENDING_SECONDS: "-5", STALL_HOLD_GRACE_SECONDS: "60" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const lines = (caught as EnvError).lines;
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^STALL_DEPOSIT_PENDING_SECONDS: expected seconds/);
    expect(lines[1]).toMatch(/^STALL_ACTIVE_SECONDS: expected seconds .* whole number from 1 to 2592000$/);
    expect(lines[2]).toMatch(/^STALL_UNKNOWN_SECONDS: /);
    expect((caught as Error).message).not.toContain("ten minutes");
    expect((caught as Error).message.split("\n")).toHaveLength(3);
  });

  it("rejects fractions and values over 30 days", () => {
    expect(() => parseStallLimits({ STALL_ACTIVE_SECONDS: "1.5" })).toThrow(/STALL_ACTIVE_SECONDS/);
    expect(() => parseStallLimits({ STALL_ACTIVE_SECONDS: "2592001" })).toThrow(/STALL_ACTIVE_SECONDS/);
  });
});
