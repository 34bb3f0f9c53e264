// Test-only: the two storage backends the recorder supports, for test files that must pass on both.
// PGlite runs in memory; PostgreSQL is a throwaway cluster (./postgres-cluster) with a fresh database
// per `open`. Callers ask `postgresTestGate()` first: skip with the reason locally, fail in CI.
import type { Database } from "../database";
import { migrate } from "../migrations";
import { openPglite } from "../pglite";
import { openPostgres } from "../postgres";
import { startThrowawayPostgres, type PostgresCluster } from "./postgres-cluster";

export type BackendKind = "pglite" | "postgres";

export interface TestBackend {
  kind: BackendKind;
  /** A migrated, empty database. Postgres: `url` can be used to open a second connection pool. */
  open(): Promise<{ db: Database; url: string | null }>;
  close(): Promise<void>;
}

export function testBackend(kind: BackendKind): TestBackend {
  let cluster: PostgresCluster | null = null;
  const opened: Database[] = [];
  return {
    kind,
    async open() {
      if (kind === "pglite") {
        const db = await openPglite(null);
        opened.push(db);
        await migrate(db);
        return { db, url: null };
      }
      cluster ??= await startThrowawayPostgres();
      const url = await cluster.createDatabase();
      const db = openPostgres(url);
      opened.push(db);
      await migrate(db);
      return { db, url };
    },
    async close() {
      await Promise.all(opened.splice(0).map((db) => db.close().catch(() => undefined)));
      await cluster?.stop();
      cluster = null;
    },
  };
}

export const EMPTY_TABLES = "TRUNCATE trades, trade_history, funding, recorder_health, callback_deliveries, assetpay_budget, store_owner, alerts, alert_scan, trade_notes, trade_assignees, audit_log, staff_sessions, staff_two_factor, staff_recovery_codes, sign_in_limits, staff_roles, saved_views, staff_default_views CASCADE";
