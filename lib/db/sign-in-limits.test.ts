import { expect, it } from "vitest";
import { describeOnEachBackend } from "./testing/each-backend";
import { clearFailures, lockedForSeconds, pruneEndedLimits, recordFailure } from "./sign-in-limits";

const rules = { maxFailures: 3, windowMs: 60_000, lockMs: 30_000, maxLockMs: 100_000 };

describeOnEachBackend("sign-in limits", ({ db }) => {
  it("locks a key after maxFailures, doubling per further failure up to the cap, per key", async () => {
    await recordFailure(db, "account:a@x", rules);
    await recordFailure(db, "account:a@x", rules);
    expect(await lockedForSeconds(db, "account:a@x")).toBe(0);
    await recordFailure(db, "account:a@x", rules);
    expect(await lockedForSeconds(db, "account:a@x")).toBe(30);
    await recordFailure(db, "account:a@x", rules);
    expect(await lockedForSeconds(db, "account:a@x")).toBe(60);
    await recordFailure(db, "account:a@x", rules);
    await recordFailure(db, "account:a@x", rules);
    expect(await lockedForSeconds(db, "account:a@x")).toBe(100);
    expect(await lockedForSeconds(db, "account:b@x")).toBe(0);
  });

  it("a success clears the key", async () => {
    for (let i = 0; i < 3; i++) await recordFailure(db, "address:10.0.0.1", rules);
    expect(await lockedForSeconds(db, "address:10.0.0.1")).toBeGreaterThan(0);
    await clearFailures(db, "address:10.0.0.1");
    expect(await lockedForSeconds(db, "address:10.0.0.1")).toBe(0);
  });

  it("starts a new window once the last one ended, and prunes ended rows", async () => {
    await recordFailure(db, "account:c@x", rules);
    await recordFailure(db, "account:c@x", rules);
    await db.query("UPDATE sign_in_limits SET window_started_at = now() - interval '2 minutes'");
    await recordFailure(db, "account:c@x", rules);
    expect(await lockedForSeconds(db, "account:c@x")).toBe(0);
    await db.query("UPDATE sign_in_limits SET window_started_at = now() - interval '2 minutes'");
    await pruneEndedLimits(db, rules.windowMs);
    expect(await db.query("SELECT key FROM sign_in_limits")).toEqual([]);
  });
});
