// Coalescing of the reconciles browsers ask for: any number of requests within the short interval
// cause one run, and each request resolves with that run's report.
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
    let release: () => void = () => undefined;
    let gate: Promise<void> = Promise.resolve();
    const reconciler = createReconciler({
      db,
      client: noClient,
      intervalMs: 60_000,
      log: () => undefined,
      onReport: () => undefined,
      now: () => now,
      resync: async () => {
        runs += 1;
        await gate;
        return EMPTY;
      },
    });
    return {
      reconciler,
      runs: () => runs,
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

  it("joins the latest run while it is younger than the interval, and starts one after", async () => {
    const r = reconcilerWithClock();
    const first = await r.reconciler.requestFresh(10_000);
    r.advance(9_000);
    expect(await r.reconciler.requestFresh(10_000)).toBe(first);
    expect(r.runs()).toBe(1);
    r.advance(1_000);
    const second = await r.reconciler.requestFresh(10_000);
    expect(second).not.toBe(first);
    expect(r.runs()).toBe(2);
  });

  it("counts the minute's own run as fresh", async () => {
    const r = reconcilerWithClock();
    const scheduled = await r.reconciler.run("interval");
    r.advance(2_000);
    expect(await r.reconciler.requestFresh(10_000)).toBe(scheduled);
    expect(r.runs()).toBe(1);
  });
});
