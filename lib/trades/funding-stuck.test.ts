import { describe, expect, it } from "vitest";
import { assessFundingStuck, DEFAULT_FUNDING_STUCK_MS, stuckText } from "./funding-stuck";
import { iso, makeFunding, T0 } from "./test-fixtures";

const MIN = 60_000;

describe("assessFundingStuck", () => {
  it("flags funding awaiting admin beyond the limit, timed from its last change", () => {
    const funding = makeFunding({ kind: "withdrawal", status: "pending_admin", createdAt: iso(T0 - 60 * MIN), updatedAt: iso(T0) });
    expect(assessFundingStuck(funding, T0 + DEFAULT_FUNDING_STUCK_MS)).toEqual({ stuck: false });
    const stuck = assessFundingStuck(funding, T0 + 42 * MIN);
    expect(stuck.stuck).toBe(true);
    if (stuck.stuck) expect(stuckText(stuck)).toBe("Stuck: awaiting admin for 42 min, over the 30 min limit");
  });

  it("times from creation when there is no update time, and honours the given limit", () => {
    const funding = makeFunding({ status: "pending_admin", createdAt: iso(T0) });
    expect(assessFundingStuck(funding, T0 + 11 * MIN, 10 * MIN).stuck).toBe(true);
    expect(assessFundingStuck(funding, T0 + 9 * MIN, 10 * MIN).stuck).toBe(false);
  });

  it("never flags statuses that do not wait on an admin, nor unparseable times", () => {
    expect(assessFundingStuck(makeFunding({ status: "pending" }), T0 + 999 * MIN).stuck).toBe(false);
    expect(assessFundingStuck(makeFunding({ status: "completed" }), T0 + 999 * MIN).stuck).toBe(false);
    expect(assessFundingStuck(makeFunding({ status: "pending_admin", createdAt: "not a date" }), T0 + 999 * MIN).stuck).toBe(false);
  });
});
