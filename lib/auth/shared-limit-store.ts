// The sign-in limits in the PostgreSQL database every instance shares (DATABASE_URL). Without it
// (PGlite) there is one dashboard per data directory, so counting in that one process is already
// counting everywhere, and the recorder's loopback API is not worth a round trip per attempt.
import "server-only";
import { fromDatabase } from "@/lib/db/recorded-source";
import { clearFailures, lockedForSeconds, pruneEndedLimits, recordFailure } from "@/lib/db/sign-in-limits";
import { ACCOUNT_RULES, type LimitStore } from "./sign-in-limits";

/** Every this many failures, rows of ended windows are dropped. */
const PRUNE_EVERY = 100;

export function databaseLimitStore(databaseUrl: string): LimitStore {
  let failures = 0;
  return {
    lockedForSeconds: (key) => fromDatabase(databaseUrl, (db) => lockedForSeconds(db, key)),
    fail: (key, rules) =>
      fromDatabase(databaseUrl, async (db) => {
        await recordFailure(db, key, rules);
        failures += 1;
        if (failures % PRUNE_EVERY === 0) await pruneEndedLimits(db, Math.max(rules.windowMs, ACCOUNT_RULES.windowMs));
      }),
    succeed: (key) => fromDatabase(databaseUrl, (db) => clearFailures(db, key)),
  };
}
