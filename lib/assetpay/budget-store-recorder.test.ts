// The dashboard's budget while its recorder cannot be reached: a small stand-in, never a second full budget.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { recorderBudgetStore, standInBucket } from "./budget-store-recorder";
import { bucketConfig } from "./rate-budget";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("recorderBudgetStore without a reachable recorder", () => {
  it("spends from a stand-in of a sixth of the rate with a burst of 3, and says so once", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "budget-no-recorder-"));
    dirs.push(dataDir);
    const lines: string[] = [];
    const store = recorderBudgetStore(dataDir, bucketConfig(60), (line) => lines.push(line));
    expect(standInBucket(bucketConfig(60))).toEqual({ perMinute: 10, burst: 3 });
    for (let i = 0; i < 3; i += 1) expect(await store.take()).toBe(0);
    const wait = await store.take();
    // Then one token every 6 s at 10 a minute, not the 10-token burst of the full budget.
    expect(wait).toBeGreaterThan(5_000);
    expect(wait).toBeLessThanOrEqual(6_000);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/unreachable/);
  });
});
