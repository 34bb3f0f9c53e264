import { describe, expect, it } from "vitest";
import {
  alertId,
  DEFAULT_FUNDING_STUCK_MS,
  fundingAlertConditions,
  needsAttention,
  nextAlertStep,
  tradeAlertConditions,
} from "./alert-rules";
import { alertText } from "./alert-text";
import { DEFAULT_STALL_LIMITS } from "./stall-rules";
import { iso, makeFunding, makeTrade, T0 } from "./test-fixtures";

const MIN = 60_000;

describe("tradeAlertConditions", () => {
  it("raises nothing for a trade inside its limits", () => {
    const trade = makeTrade({ status: "active", updatedAt: iso(T0) });
    expect(tradeAlertConditions({ trade, enteredStatusAt: iso(T0), missing: false }, T0 + 5 * MIN)).toEqual([]);
  });

  it("raises stalled with the stall rule's reason once a trade is past its limit", () => {
    const trade = makeTrade({ status: "active", updatedAt: iso(T0) });
    const [condition, ...rest] = tradeAlertConditions({ trade, enteredStatusAt: iso(T0), missing: false }, T0 + 42 * MIN);
    expect(rest).toEqual([]);
    expect(condition?.kind).toBe("stalled");
    expect(condition?.reason).toContain("42 min");
    expect(condition?.reason).toContain("not accepted");
  });

  it("uses the limits it is given", () => {
    const trade = makeTrade({ status: "active", updatedAt: iso(T0) });
    const input = { trade, enteredStatusAt: iso(T0), missing: false };
    expect(tradeAlertConditions(input, T0 + 2 * MIN, { ...DEFAULT_STALL_LIMITS, activeMs: MIN })).toHaveLength(1);
    expect(tradeAlertConditions(input, T0 + 2 * MIN)).toEqual([]);
  });

  it("raises failed with the failure code, and reverted with who reverted", () => {
    const failed = makeTrade({ status: "failed", error: "OFFER_EXPIRED" });
    expect(tradeAlertConditions({ trade: failed, enteredStatusAt: null, missing: false }, T0)).toEqual([
      { kind: "failed", reason: "Failed (OFFER_EXPIRED)" },
    ]);
    const reverted = makeTrade({ status: "reverted", revertedBy: "user" });
    expect(tradeAlertConditions({ trade: reverted, enteredStatusAt: null, missing: false }, T0)[0]).toMatchObject({
      kind: "reverted",
      reason: expect.stringContaining("by user"),
    });
  });

  it("raises missing (and nothing else) for a trade AssetPay no longer knows", () => {
    const trade = makeTrade({ status: "active", updatedAt: iso(T0) });
    const conditions = tradeAlertConditions({ trade, enteredStatusAt: iso(T0), missing: true }, T0 + 60 * MIN);
    expect(conditions.map((c) => c.kind)).toEqual(["missing"]);
  });

  it("never calls completed or canceled trades anything", () => {
    for (const status of ["completed", "canceled", "declined"] as const) {
      expect(tradeAlertConditions({ trade: makeTrade({ status }), enteredStatusAt: null, missing: false }, T0 + 99 * 60 * MIN)).toEqual([]);
    }
  });
});

describe("fundingAlertConditions", () => {
  it("raises funding-failed for failed, rejected and expired funding", () => {
    for (const [status, rawStatus] of [["failed", "FAILED"], ["rejected", "REJECTED"], ["expired", "EXPIRED"]] as const) {
      const [condition] = fundingAlertConditions(makeFunding({ status, rawStatus }), T0);
      expect(condition).toEqual({ kind: "funding-failed", reason: `Crypto deposit ${rawStatus}` });
    }
  });

  it("raises funding-failed for funding awaiting admin past the limit, not before", () => {
    const funding = makeFunding({ kind: "withdrawal", status: "pending_admin", rawStatus: "PENDING_ADMIN", createdAt: iso(T0) });
    expect(fundingAlertConditions(funding, T0 + DEFAULT_FUNDING_STUCK_MS)).toEqual([]);
    const [stuck] = fundingAlertConditions(funding, T0 + DEFAULT_FUNDING_STUCK_MS + MIN);
    expect(stuck?.kind).toBe("funding-failed");
    expect(stuck?.reason).toContain("Crypto withdrawal awaiting admin for 31 min");
    expect(fundingAlertConditions(funding, T0 + 11 * MIN, 10 * MIN)).toHaveLength(1);
  });

  it("raises nothing for pending or completed funding", () => {
    expect(fundingAlertConditions(makeFunding({ status: "pending" }), T0 + 99 * 60 * MIN)).toEqual([]);
    expect(fundingAlertConditions(makeFunding({ status: "completed", rawStatus: "COMPLETED" }), T0)).toEqual([]);
  });
});

describe("nextAlertStep (episodes and re-raising)", () => {
  it("raises the first episode when a condition first holds", () => {
    expect(nextAlertStep(null, true)).toEqual({ do: "raise", episode: 1 });
    expect(nextAlertStep(null, false)).toEqual({ do: "nothing" });
  });

  it("keeps a running episode (acknowledged or not) while the condition holds: no second alert", () => {
    expect(nextAlertStep({ episode: 1, active: true }, true)).toEqual({ do: "nothing" });
  });

  it("ends the episode when the condition clears, and raises a new one when it comes back", () => {
    expect(nextAlertStep({ episode: 1, active: true }, false)).toEqual({ do: "clear" });
    expect(nextAlertStep({ episode: 1, active: false }, false)).toEqual({ do: "nothing" });
    expect(nextAlertStep({ episode: 1, active: false }, true)).toEqual({ do: "raise", episode: 2 });
  });

  it("names an episode the same on every recorder", () => {
    expect(alertId("trade:t-1", "stalled", 2)).toBe(alertId("trade:t-1", "stalled", 2));
    expect(alertId("trade:t-1", "stalled", 2)).not.toBe(alertId("trade:t-1", "stalled", 3));
  });
});

describe("needsAttention (snooze expiry)", () => {
  const open = { acknowledgedAt: null, snoozedUntil: null };
  it("an open alert needs attention; an acknowledged one does not", () => {
    expect(needsAttention(open, T0)).toBe(true);
    expect(needsAttention({ ...open, acknowledgedAt: iso(T0) }, T0)).toBe(false);
  });

  it("a snoozed alert is quiet until snoozedUntil, then needs attention again", () => {
    const snoozed = { ...open, snoozedUntil: iso(T0 + 10 * MIN) };
    expect(needsAttention(snoozed, T0 + 9 * MIN)).toBe(false);
    expect(needsAttention(snoozed, T0 + 10 * MIN)).toBe(true);
    expect(needsAttention(snoozed, T0 + 11 * MIN)).toBe(true);
  });
});

describe("alertText", () => {
  it("names the kind, game, trade, reason and the board link", () => {
    const text = alertText({ kind: "stalled", tradeId: "t-9", fundingId: null, game: "cs2", reason: "active 42 min" }, "http://h/board?trade=t-9");
    expect(text).toBe("Stalled: CS2 trade t-9 — active 42 min <http://h/board?trade=t-9>");
  });
});
