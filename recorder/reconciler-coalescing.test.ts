// Coalescing of the reconciles browsers ask for: any number of requests cause one run per short
// interval, and every request gets a run that started after it (one that started earlier may have
// read AssetPay before the change the browser is after).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResyncPayload } from "@/lib/assetpay/resync";
import type { AssetPayClient } from "@/lib/assetpay/rest-client";
import type { Database } from "@/lib/db/database";
import { migrate } from "@/lib/db/migrations";
import { openPglite } from "@/lib/db/pglite";
import { createReconciler } from "./reconciler";

const EMPTY: ResyncPayload = { trades: [], funding: [], missing: 0, requests: 1, rateLimited: 0, errors: [] };
const noClient = {} as AssetPayClient;

describe("requestFresh", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite(null);
    await migrate(db);
  }, 120_000);
  afterAll(() => db.close());

  function reconcilerWithClock() {
    let now = 0;
    let runs = 0;
    const sleeps: number[] = [];
    let release: () => void = () => undefined;
    let gate: Promise<void> = Promise.resolve();
    const reconciler = createReconciler({
      db,
      client: noClient,
      intervalMs: 60_000,
      log: () => undefined,
      onReport: () => undefined,
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
      resync: async () => {
        runs += 1;
        await gate;
        return EMPTY;
      },
    });
    return {
      reconciler,
      runs: () => runs,
      sleeps,
      advance: (ms: number) => void (now += ms),
      hold: () => {
        gate = new Promise<void>((resolve) => (release = resolve));
      },
      release: () => release(),
    };
  }

  it("runs once for a burst of requests from many tabs, all resolving with that run's report", async () => {
    const r = reconcilerWithClock();
    r.hold();
    const requests = Array.from({ length: 50 }, () => r.reconciler.requestFresh(10_000));
    await new Promise((resolve) => setTimeout(resolve, 20));
    r.release();
    const reports = await Promise.all(requests);
    expect(r.runs()).toBe(1);
    expect(new Set(reports)).toEqual(new Set([reports[0]]));
    expect(reports[0]?.reason).toBe("manual");
  });

  it("never hands back a run that started before the request: the next one starts an interval after the last start", async () => {
    const r = reconcilerWithClock();
    const first = await r.reconciler.requestFresh(10_000);
    expect(r.sleeps).toEqual([]);
    r.advance(9_000);
    const [second, joined] = await Promise.all([r.reconciler.requestFresh(10_000), r.reconciler.requestFresh(10_000)]);
    expect(second).not.toBe(first);
    expect(joined).toBe(second);
    expect(r.sleeps).toEqual([1_000]);
    expect(r.runs()).toBe(2);
    r.advance(30_000);
    await r.reconciler.requestFresh(10_000);
    expect(r.sleeps).toEqual([1_000]);
    expect(r.runs()).toBe(3);
  });

  it("a request soon after the minute's own run waits out the interval, then runs", async () => {
    const r = reconcilerWithClock();
    const scheduled = await r.reconciler.run("interval");
    r.advance(2_000);
    const fresh = await r.reconciler.requestFresh(10_000);
    expect(fresh).not.toBe(scheduled);
    expect(r.sleeps).toEqual([8_000]);
    expect(r.runs()).toBe(2);
  });
});
