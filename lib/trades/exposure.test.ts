import { describe, expect, it } from "vitest";
import { dayKey, dayStartMs } from "@/lib/time/calendar-days";
import {
  type ExposureSelection,
  RELEASE_LATER,
  RELEASE_OVERDUE,
  countStuckWithdrawals,
  exposureFactsOf,
  exposureWindow,
  matchesExposure,
  summarizeExposure,
} from "./exposure";
import { DEFAULT_FUNDING_STUCK_MS } from "./alert-rules";
import { iso, makeFunding, makeTrade } from "./test-fixtures";
import type { Trade } from "./types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 2026-05-01 22:30 UTC: in UTC still May 1st; a zone ahead of UTC is already on May 2nd.
const NOW = Date.parse("2026-05-01T22:30:00.000Z");
const window = exposureWindow(NOW, "utc");

const sel = (kind: ExposureSelection["kind"], more: Partial<ExposureSelection> = {}): ExposureSelection => ({ kind, release: null, revertedBy: null, ...more });

function hold(overrides: Partial<Trade>): Trade {
  return makeTrade({ type: "deposit", status: "hold", game: "cs2", totalPrice: 10, holdEndDate: iso(NOW + DAY), ...overrides });
}

function reverted(atMs: number, overrides: Partial<Trade> = {}): Trade {
  return makeTrade({ status: "reverted", totalPrice: 5, updatedAt: iso(atMs), revertedBy: "user", ...overrides });
}

describe("exposure days", () => {
  it("starts today at the zone's midnight and names dates in that zone", () => {
    expect(dayStartMs(NOW, "utc")).toBe(Date.parse("2026-05-01T00:00:00.000Z"));
    expect(dayStartMs(NOW, "utc", -6)).toBe(Date.parse("2026-04-25T00:00:00.000Z"));
    expect(dayKey(NOW, "utc")).toBe("2026-05-01");
    expect(dayKey(NOW + 2 * HOUR, "utc")).toBe("2026-05-02");
    expect(window.days).toEqual(["2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06", "2026-05-07"]);
  });

  it("uses the browser's own calendar for the local zone", () => {
    const local = new Date(NOW);
    expect(dayStartMs(NOW, "local")).toBe(new Date(local.getFullYear(), local.getMonth(), local.getDate()).getTime());
    expect(dayKey(dayStartMs(NOW, "local"), "local")).toBe(dayKey(NOW, "local"));
  });
});

describe("summarizeExposure", () => {
  it("sums deposits in hold, and the pre-credit of the instant ones, in cents", () => {
    const trades = [
      hold({ id: "a", totalPrice: 10.1, isInstant: true, preCredit: 7.07 }),
      hold({ id: "b", totalPrice: 0.2, isInstant: true, preCredit: 0.1 }),
      hold({ id: "c", totalPrice: 3, isInstant: false, preCredit: 0 }),
      hold({ id: "w", type: "withdraw", totalPrice: 100 }),
      makeTrade({ id: "x", type: "deposit", status: "active", totalPrice: 50 }),
      makeTrade({ id: "e", type: "deposit", status: "escrow", totalPrice: 50 }),
    ];
    const s = summarizeExposure(trades.map((t) => exposureFactsOf(t)), window);
    expect(s.hold).toEqual({ count: 3, cents: 1330 });
    expect(s.preCredit).toEqual({ count: 2, cents: 717 });
  });

  it("leaves out a hold AssetPay no longer knows", () => {
    const s = summarizeExposure([exposureFactsOf(hold({}), true)], window);
    expect(s.hold.count).toBe(0);
  });

  it("splits holds by release day in the zone and by game, with overdue and later rows only when needed", () => {
    const trades = [
      hold({ id: "today", holdEndDate: iso(NOW + HOUR / 2) }),
      hold({ id: "tomorrow-utc", holdEndDate: iso(NOW + 2 * HOUR), game: "rust", totalPrice: 4 }),
      hold({ id: "day7", holdEndDate: "2026-05-07T23:59:59.000Z" }),
      hold({ id: "day8", holdEndDate: "2026-05-08T00:00:00.000Z" }),
      hold({ id: "no-date", holdEndDate: undefined }),
      hold({ id: "past", holdEndDate: "2026-04-30T23:00:00.000Z" }),
    ];
    const rows = summarizeExposure(trades.map((t) => exposureFactsOf(t)), window).holdByRelease;
    expect(rows.map((r) => [r.release, r.all.count, r.cs2.count, r.rust.count])).toEqual([
      [RELEASE_OVERDUE, 1, 1, 0],
      ["2026-05-01", 1, 1, 0],
      ["2026-05-02", 1, 0, 1],
      ["2026-05-03", 0, 0, 0],
      ["2026-05-04", 0, 0, 0],
      ["2026-05-05", 0, 0, 0],
      ["2026-05-06", 0, 0, 0],
      ["2026-05-07", 1, 1, 0],
      [RELEASE_LATER, 2, 2, 0],
    ]);
    expect(rows[2]?.rust.cents).toBe(400);
    expect(summarizeExposure([], window).holdByRelease.map((r) => r.release)).toEqual(window.days);
  });

  it("counts reversals since the zone's midnight and over today and the six days before, by cause", () => {
    const trades = [
      reverted(NOW - HOUR, { id: "r1", totalPrice: 1.5 }),
      reverted(NOW - 22 * HOUR, { id: "r2", revertedBy: "supplier", totalPrice: 2 }),
      reverted(NOW - 23 * HOUR, { id: "r3", revertedBy: undefined, totalPrice: 3 }),
      reverted(Date.parse("2026-04-25T00:00:00.000Z"), { id: "r4", revertedBy: "SUPPLIER", totalPrice: 4 }),
      reverted(Date.parse("2026-04-24T23:59:59.999Z"), { id: "too-old" }),
      makeTrade({ id: "done", status: "completed", updatedAt: iso(NOW) }),
    ];
    const s = summarizeExposure(trades.map((t) => exposureFactsOf(t)), window);
    expect(s.reversedToday).toEqual({
      all: { count: 2, cents: 350 },
      user: { count: 1, cents: 150 },
      supplier: { count: 1, cents: 200 },
      unknown: { count: 0, cents: 0 },
    });
    expect(s.reversed7d).toEqual({
      all: { count: 4, cents: 1050 },
      user: { count: 1, cents: 150 },
      supplier: { count: 2, cents: 600 },
      unknown: { count: 1, cents: 300 },
    });
  });

  it("moves 'today' with the time zone chosen", () => {
    // 22:30 UTC on May 1st is May 2nd in any zone east of UTC by 2 h or more; in UTC the 21:00 reversal is today.
    const at = NOW - 90 * 60_000;
    const inUtc = summarizeExposure([exposureFactsOf(reverted(at))], exposureWindow(NOW, "utc"));
    expect(inUtc.reversedToday.all.count).toBe(1);
    const tomorrowUtc = summarizeExposure([exposureFactsOf(reverted(at))], exposureWindow(NOW + 2 * HOUR, "utc"));
    expect(tomorrowUtc.reversedToday.all.count).toBe(0);
    expect(tomorrowUtc.reversed7d.all.count).toBe(1);
  });
});

describe("matchesExposure", () => {
  const trades = [
    hold({ id: "h1", isInstant: true, preCredit: 5, holdEndDate: iso(NOW + HOUR / 2) }),
    hold({ id: "h2", game: "rust", holdEndDate: iso(NOW + 3 * DAY) }),
    hold({ id: "h3", holdEndDate: undefined }),
    reverted(NOW - HOUR, { id: "r1" }),
    reverted(NOW - 2 * DAY, { id: "r2", revertedBy: "supplier" }),
    makeTrade({ id: "other", status: "completed" }),
  ];
  const ids = (selection: ExposureSelection) => trades.filter((t) => matchesExposure(exposureFactsOf(t), selection, window)).map((t) => t.id);

  it("selects exactly the trades each figure counts", () => {
    const s = summarizeExposure(trades.map((t) => exposureFactsOf(t)), window);
    expect(ids(sel("hold"))).toEqual(["h1", "h2", "h3"]);
    expect(ids(sel("hold")).length).toBe(s.hold.count);
    expect(ids(sel("precredit"))).toEqual(["h1"]);
    expect(ids(sel("reversed-today"))).toEqual(["r1"]);
    expect(ids(sel("reversed-7d"))).toEqual(["r1", "r2"]);
    expect(ids(sel("reversed-7d", { revertedBy: "supplier" }))).toEqual(["r2"]);
    expect(ids(sel("reversed-today", { revertedBy: "supplier" }))).toEqual([]);
  });

  it("narrows holds to one release day", () => {
    expect(ids(sel("hold", { release: "2026-05-01" }))).toEqual(["h1"]);
    expect(ids(sel("hold", { release: "2026-05-04" }))).toEqual(["h2"]);
    expect(ids(sel("hold", { release: RELEASE_LATER }))).toEqual(["h3"]);
    expect(ids(sel("precredit", { release: "2026-05-04" }))).toEqual([]);
  });
});

describe("countStuckWithdrawals", () => {
  it("counts withdrawals awaiting an admin beyond the alert rule's limit, not failed or fresh ones", () => {
    const since = NOW - DEFAULT_FUNDING_STUCK_MS - 60_000;
    const list = [
      makeFunding({ id: "stuck", kind: "withdrawal", status: "pending_admin", rawStatus: "PENDING_ADMIN", updatedAt: iso(since), createdAt: iso(since) }),
      makeFunding({ id: "fresh", kind: "withdrawal", status: "pending_admin", rawStatus: "PENDING_ADMIN", updatedAt: iso(NOW - 60_000), createdAt: iso(NOW - 60_000) }),
      makeFunding({ id: "failed", kind: "withdrawal", status: "failed", rawStatus: "FAILED", updatedAt: iso(since), createdAt: iso(since) }),
      makeFunding({ id: "deposit", kind: "deposit", status: "pending_admin", rawStatus: "PENDING_ADMIN", updatedAt: iso(since), createdAt: iso(since) }),
    ];
    expect(countStuckWithdrawals(list, NOW)).toBe(1);
    expect(countStuckWithdrawals(list, NOW, 30_000)).toBe(2);
  });
});
