import { describe, expect, it } from "vitest";
import { DEFAULT_STALL_LIMITS, assessStall, shortStallReason } from "./stall-rules";
import { T0, iso, makeTrade } from "./test-fixtures";
import type { Trade } from "./types";

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

/** Assess a trade that entered its status at T0, `elapsed` ms ago. */
function at(trade: Trade, elapsed: number) {
  return assessStall(trade, iso(T0), T0 + elapsed, DEFAULT_STALL_LIMITS);
}

describe("assessStall", () => {
  it("deposit initiated: stalled only strictly after 5 min", () => {
    const trade = makeTrade({ status: "initiated" });
    expect(at(trade, 5 * MIN).stalled).toBe(false);
    const over = at(trade, 5 * MIN + 1);
    expect(over.stalled).toBe(true);
    expect(over.limitMs).toBe(5 * MIN);
    expect(over.overByMs).toBe(1);
  });

  it("withdraw initiated: 60 s, and the reason blames the merchant's approval callback", () => {
    const trade = makeTrade({ type: "withdraw", status: "initiated" });
    expect(at(trade, 60 * S).stalled).toBe(false);
    const over = at(trade, 61 * S);
    expect(over.stalled).toBe(true);
    expect(over.reason).toBe("initiated 1 min, over the 1 min limit: waiting on the merchant's own approval callback");
  });

  it("withdraw pending: 20 min", () => {
    const trade = makeTrade({ type: "withdraw", status: "pending" });
    expect(at(trade, 20 * MIN).stalled).toBe(false);
    expect(at(trade, 20 * MIN + 1).stalled).toBe(true);
  });

  it("active: 20 min with a readable reason", () => {
    const trade = makeTrade({ status: "active" });
    expect(at(trade, 19 * MIN).stalled).toBe(false);
    const over = at(trade, 21 * MIN);
    expect(over).toEqual({
      stalled: true,
      reason: "active 21 min, over the 20 min limit: the user has not accepted the offer",
      limitMs: 20 * MIN,
      overByMs: MIN,
    });
  });

  it("active: stalled as soon as autoCancelAt has passed, even under 20 min", () => {
    const trade = makeTrade({ status: "active", autoCancelAt: iso(T0 + 5 * MIN) });
    expect(at(trade, 5 * MIN).stalled).toBe(false);
    const over = at(trade, 7 * MIN);
    expect(over.stalled).toBe(true);
    expect(over.limitMs).toBe(5 * MIN);
    expect(over.reason).toBe("active 7 min, 2 min past its auto-cancel time: the user has not accepted the offer");
  });

  it("active: a far-away autoCancelAt does not extend the 20 min limit", () => {
    const trade = makeTrade({ status: "active", autoCancelAt: iso(T0 + 5 * H) });
    expect(at(trade, 21 * MIN).limitMs).toBe(20 * MIN);
  });

  it("hold: fine until 6 h past holdEndDate", () => {
    const holdEnd = T0 + 7 * 24 * H;
    const trade = makeTrade({ status: "hold", holdEndDate: iso(holdEnd) });
    expect(at(trade, 7 * 24 * H + 6 * H).stalled).toBe(false);
    const over = at(trade, 7 * 24 * H + 7 * H);
    expect(over.stalled).toBe(true);
    expect(over.reason).toContain("7 h past its hold end date (limit 6 h)");
    expect(over.overByMs).toBe(H);
  });

  it("hold without holdEndDate: stalled after 6 h in status", () => {
    const trade = makeTrade({ status: "hold" });
    expect(at(trade, 6 * H).stalled).toBe(false);
    const over = at(trade, 6 * H + 5 * MIN);
    expect(over.stalled).toBe(true);
    expect(over.reason).toBe(
      "hold 6 h 5 min with no hold end date, over the 6 h limit: Steam protection should have ended and the trade completed",
    );
  });

  it("escrow is treated like hold", () => {
    const trade = makeTrade({ status: "escrow", holdEndDate: iso(T0 + H) });
    expect(at(trade, 7 * H).stalled).toBe(false);
    expect(at(trade, 7 * H + 1).stalled).toBe(true);
  });

  it.each(["completed", "canceled", "declined", "failed", "reverted", "partial"] as const)(
    "terminal %s is never stalled",
    (status) => {
      const result = at(makeTrade({ status, holdEndDate: iso(T0) }), 365 * 24 * H);
      expect(result).toEqual({ stalled: false, reason: null, limitMs: null, overByMs: 0 });
    },
  );

  it("unknown status needs attention after its own limit", () => {
    const trade = makeTrade({ status: "unknown", rawStatus: "queued" });
    expect(at(trade, 5 * MIN).stalled).toBe(false);
    const over = at(trade, 6 * MIN);
    expect(over.stalled).toBe(true);
    expect(over.reason).toContain('status "queued" 6 min');
  });

  it("falls back to activeAt, then updatedAt, when the entered time is unknown", () => {
    const trade = makeTrade({ status: "active", activeAt: iso(T0), updatedAt: iso(T0 + 15 * MIN) });
    expect(assessStall(trade, null, T0 + 21 * MIN).stalled).toBe(true);
    const noActiveAt = makeTrade({ status: "active", updatedAt: iso(T0 + 15 * MIN) });
    expect(assessStall(noActiveAt, undefined, T0 + 21 * MIN).stalled).toBe(false);
  });

  it("respects custom limits", () => {
    const trade = makeTrade({ status: "active" });
    const limits = { ...DEFAULT_STALL_LIMITS, activeMs: MIN };
    expect(assessStall(trade, iso(T0), T0 + 2 * MIN, limits).stalled).toBe(true);
  });
});

describe("shortStallReason", () => {
  const entered = iso(T0);
  it("names each stall in a few words for the board's column", () => {
    expect(shortStallReason(makeTrade({ status: "active" }), entered)).toBe("not accepted");
    expect(shortStallReason(makeTrade({ status: "active", autoCancelAt: iso(T0 + 60_000) }), entered)).toBe("past auto-cancel");
    expect(shortStallReason(makeTrade({ status: "hold", holdEndDate: iso(T0) }), entered)).toBe("hold overran");
    expect(shortStallReason(makeTrade({ status: "hold" }), entered)).toBe("no hold end date");
    expect(shortStallReason(makeTrade({ status: "initiated", type: "withdraw" }), entered)).toBe("awaiting merchant approval");
    expect(shortStallReason(makeTrade({ status: "pending", type: "deposit" }), entered)).toBe("bot not confirmed");
    expect(shortStallReason(makeTrade({ status: "unknown", rawStatus: "queued" }), entered)).toBe("unknown status");
    expect(shortStallReason(makeTrade({ status: "completed" }), entered)).toBeNull();
  });
});
