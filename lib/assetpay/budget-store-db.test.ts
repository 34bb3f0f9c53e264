// The budget kept in the database: every process on it shares one bucket and one pause.
import { describe, expect, it } from "vitest";
import { describeOnEachBackend } from "@/lib/db/testing/each-backend";
import { databaseBudgetStore } from "./budget-store-db";
import { bucketConfig } from "./rate-budget";

describeOnEachBackend("the AssetPay budget in the database", (test) => {
  it("is one bucket for every store on the database", async () => {
    const config = bucketConfig(6); // a burst of 1, then one every 10 s
    const recorder = databaseBudgetStore(test.db, config);
    const dashboard = databaseBudgetStore(test.db, config);
    expect(await recorder.take()).toBe(0);
    const wait = await dashboard.take();
    expect(wait).toBeGreaterThan(9_000);
    expect(wait).toBeLessThanOrEqual(10_000);
  });

  it("shares a 429's pause with every store, and concurrent takes never overspend", async () => {
    const config = bucketConfig(60);
    const stores = Array.from({ length: 4 }, () => databaseBudgetStore(test.db, config));
    const waits = await Promise.all(Array.from({ length: 20 }, (_, i) => (stores[i % 4] ?? stores[0]!).take()));
    expect(waits.filter((waitMs) => waitMs === 0)).toHaveLength(config.burst);
    await stores[0]!.pause(30_000);
    const paused = await stores[3]!.take();
    expect(paused).toBeGreaterThan(29_000);
  });
});
