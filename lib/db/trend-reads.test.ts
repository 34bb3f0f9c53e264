import { expect, it } from "vitest";
import { T0 } from "@/lib/trades/test-fixtures";
import { DEFAULT_STALL_LIMITS } from "@/lib/trades/stall-rules";
import type { GameTrend } from "@/lib/trades/trends";
import { describeOnEachBackend } from "./testing/each-backend";
import { at, tradeVersion } from "./testing/recorded-versions";
import { markTradesMissing, recordTrades } from "./trade-writes";
import { readTrends } from "./trend-reads";
import type { Database } from "./database";

const MINUTE = 60_000;
const CS2 = "730";
const RUST = "252490";

type Change = [minute: number, status: string, extra?: Record<string, unknown>];

/** Records one trade's status changes in order, each as the version AssetPay would send. */
async function trade(db: Database, id: string, game: string, type: "deposit" | "withdraw", changes: Change[]): Promise<void> {
  for (const [minute, status, extra] of changes) {
    await recordTrades(db, [tradeVersion({ id, game, type, status, updatedAt: at(minute), ...extra })], T0 + minute * MINUTE);
  }
}

/** The fixtures every test reads: minute 0 is the window's start (T0). */
async function recordFixtures(db: Database): Promise<void> {
  // CS2 deposits accepted after 3, 1, 2 and 25 minutes (median 2.5 minutes over the hour).
  await trade(db, "a", CS2, "deposit", [[1, "initiated"], [2, "active"], [5, "hold", { holdEndDate: at(7 * 24 * 60) }]]);
  await trade(db, "b", CS2, "deposit", [[1, "initiated"], [3, "active"], [4, "completed"]]);
  await trade(db, "l", CS2, "deposit", [[6, "active"], [8, "hold"]]);
  // Active at 30 past its 20-minute limit at 50, accepted at 55: stalled once, then completed.
  await trade(db, "f", CS2, "deposit", [[30, "active"], [55, "completed"]]);
  // Still active since 20, with an auto-cancel time PostgreSQL would refuse (ignored): stalled at 40.
  await trade(db, "e", CS2, "deposit", [[20, "active", { autoCancelAt: "2026-02-30T10:00:00Z" }]]);
  // Still active since 0, auto-cancel at 5: stalled at 5.
  await trade(db, "k", CS2, "deposit", [[0, "active", { autoCancelAt: at(5) }]]);
  // Still active since 50: its limit runs out after the window.
  await trade(db, "i", CS2, "deposit", [[50, "active"]]);
  // Still active since 25 but AssetPay no longer knows it: never stalled.
  await trade(db, "j", CS2, "deposit", [[25, "active"]]);
  await markTradesMissing(db as Database, ["j"], T0 + 26 * MINUTE);
  // Rust withdrawals failing with and without a code; one deposit reverted after a hold that began
  // before the window; one that started 20 days ago, accepted in the window.
  await trade(db, "c", RUST, "withdraw", [[10, "initiated"], [12, "failed", { error: "PRICE_CHANGED" }]]);
  await trade(db, "d", RUST, "withdraw", [[10, "initiated"], [13, "failed"]]);
  await trade(db, "g", RUST, "deposit", [[-100, "hold"], [15, "reverted", { revertedBy: "user" }]]);
  await trade(db, "h", RUST, "deposit", [[-20 * 24 * 60, "active"], [5, "completed"]]);
  // In hold for a week: its hold end date + the 6-hour overrun runs out at 30 (a stall), the other's,
  // with no hold end date, 6 hours after it began (long before the window).
  await trade(db, "m", RUST, "deposit", [[-7 * 24 * 60, "hold", { holdEndDate: at(30 - 6 * 60) }]]);
  await trade(db, "n", RUST, "deposit", [[-7 * 24 * 60, "hold"]]);
  // Before the window and after it: not counted.
  await trade(db, "old", CS2, "deposit", [[-30, "initiated"], [-29, "failed", { error: "USER_ESCROW" }]]);
}

/** Bucket → count, only the buckets with events. */
function nonZero(series: readonly number[]): Record<number, number> {
  return Object.fromEntries(series.flatMap((value, bucket) => (value > 0 ? [[bucket, value]] : [])));
}

function gameOf(trends: GameTrend[], game: string): GameTrend {
  const found = trends.find((trend) => trend.game === game);
  if (!found) throw new Error(`no ${game} trend`);
  return found;
}

describeOnEachBackend("trend reads", ({ db }) => {
  it("counts each measure per game in minute buckets, with the median from active to accepted", async () => {
    await recordFixtures(db);
    const trends = await readTrends(db, {
      window: { fromMs: T0, bucketMs: MINUTE, count: 60 },
      toMs: T0 + 60 * MINUTE,
      limits: DEFAULT_STALL_LIMITS,
    });
    expect(trends.map((trend) => trend.game)).toEqual(["cs2", "rust"]);

    const cs2 = gameOf(trends, "cs2");
    expect(nonZero(cs2.started)).toEqual({ 0: 1, 1: 2, 6: 1, 20: 1, 25: 1, 30: 1, 50: 1 });
    expect(nonZero(cs2.completed)).toEqual({ 4: 1, 55: 1 });
    expect(nonZero(cs2.failed)).toEqual({});
    expect(nonZero(cs2.reverted)).toEqual({});
    expect(nonZero(cs2.stalled)).toEqual({ 5: 1, 40: 1, 50: 1 });
    expect(cs2.medianActiveToAcceptedMs[4]).toBe(MINUTE);
    expect(cs2.medianActiveToAcceptedMs[5]).toBe(3 * MINUTE);
    expect(cs2.medianActiveToAcceptedMs[8]).toBe(2 * MINUTE);
    expect(cs2.medianActiveToAcceptedMs[55]).toBe(25 * MINUTE);
    expect(cs2.medianActiveToAcceptedMs.filter((value) => value !== null)).toHaveLength(4);
    expect(cs2.rangeMedianActiveToAcceptedMs).toBe(2.5 * MINUTE);

    const rust = gameOf(trends, "rust");
    expect(nonZero(rust.started)).toEqual({ 10: 2 });
    expect(nonZero(rust.completed)).toEqual({ 5: 1 });
    expect(nonZero(rust.failed)).toEqual({ 12: 1, 13: 1 });
    expect(Object.fromEntries(Object.entries(rust.failedByCode).map(([code, series]) => [code, nonZero(series)]))).toEqual({
      PRICE_CHANGED: { 12: 1 },
      none: { 13: 1 },
    });
    expect(nonZero(rust.reverted)).toEqual({ 15: 1 });
    // Both withdrawals waited over the 60-second approval limit in `initiated`; m overran its hold.
    expect(nonZero(rust.stalled)).toEqual({ 11: 2, 30: 1 });
    // h waited 20 days and 5 minutes in active: however long ago a status began, it counts.
    expect(rust.medianActiveToAcceptedMs[5]).toBe((20 * 24 * 60 + 5) * MINUTE);
    expect(rust.rangeMedianActiveToAcceptedMs).toBe((20 * 24 * 60 + 5) * MINUTE);
  });

  it("adds up the same events in wider buckets and leaves out what happens after the window's end", async () => {
    await recordFixtures(db);
    const trends = await readTrends(db, {
      window: { fromMs: T0, bucketMs: 15 * MINUTE, count: 4 },
      toMs: T0 + 45 * MINUTE,
      limits: DEFAULT_STALL_LIMITS,
    });
    const cs2 = gameOf(trends, "cs2");
    expect(cs2.started).toEqual([4, 2, 1, 0]);
    expect(cs2.completed).toEqual([1, 0, 0, 0]);
    // f's stall (50) and acceptance (55) are after the end (45).
    expect(cs2.stalled).toEqual([1, 0, 1, 0]);
    expect(cs2.medianActiveToAcceptedMs).toEqual([2 * MINUTE, null, null, null]);
    const rust = gameOf(trends, "rust");
    expect(rust.failed).toEqual([2, 0, 0, 0]);
    expect(rust.reverted).toEqual([0, 1, 0, 0]);
  });

  it("uses the stall limits it is given", async () => {
    await recordFixtures(db);
    const trends = await readTrends(db, {
      window: { fromMs: T0, bucketMs: MINUTE, count: 60 },
      toMs: T0 + 60 * MINUTE,
      limits: { ...DEFAULT_STALL_LIMITS, activeMs: 2 * MINUTE, withdrawInitiatedMs: 30_000 },
    });
    // Active over 2 minutes: k at 2, a at 4, e at 22, f at 32, i at 52; not b (accepted after 1) nor l
    // (exactly 2 is not over); both withdrawals were still initiated at 10:30.
    expect(nonZero(gameOf(trends, "cs2").stalled)).toEqual({ 2: 1, 4: 1, 22: 1, 32: 1, 52: 1 });
    expect(nonZero(gameOf(trends, "rust").stalled)).toEqual({ 10: 2, 30: 1 });
  });

  it("answers zeros for both games on an empty store", async () => {
    const trends = await readTrends(db, { window: { fromMs: T0, bucketMs: MINUTE, count: 3 }, toMs: T0 + 3 * MINUTE, limits: DEFAULT_STALL_LIMITS });
    expect(trends.map((trend) => [trend.game, trend.started, trend.stalled, trend.medianActiveToAcceptedMs])).toEqual([
      ["cs2", [0, 0, 0], [0, 0, 0], [null, null, null]],
      ["rust", [0, 0, 0], [0, 0, 0], [null, null, null]],
    ]);
  });
});
