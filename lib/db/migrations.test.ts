import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS, migrate } from "./migrations";
import { openPglite } from "./pglite";
import { openPostgres } from "./postgres";
import { postgresTestGate, startThrowawayPostgres, type PostgresCluster } from "./testing/postgres-cluster";

const gate = postgresTestGate();
if (!gate.run) console.warn(gate.reason);

const TABLES = [
  "alert_scan",
  "alerts",
  "assetpay_budget",
  "audit_log",
  "callback_deliveries",
  "funding",
  "recorder_health",
  "saved_views",
  "schema_migrations",
  "sign_in_limits",
  "staff_default_views",
  "staff_recovery_codes",
  "staff_roles",
  "staff_sessions",
  "staff_two_factor",
  "store_owner",
  "trade_assignees",
  "trade_history",
  "trade_notes",
  "trades",
];

describe("migrations on PGlite", () => {
  it("apply once, then find nothing to do", async () => {
    const db = await openPglite(null);
    try {
      expect((await migrate(db)).applied).toEqual(MIGRATIONS.map((m) => `${m.id} ${m.name}`));
      expect(await migrate(db)).toEqual({ applied: [], unknown: [] });
      const tables = await db.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
      expect(tables.map((t) => t.tablename)).toEqual(TABLES);
    } finally {
      await db.close();
    }
  }, 120_000);
});

describe.skipIf(!gate.run)(`migrations on PostgreSQL${gate.run ? "" : ` — ${gate.reason}`}`, () => {
  let cluster: PostgresCluster | null = null;
  afterAll(async () => cluster?.stop(), 60_000);

  it("apply exactly once when several processes start at the same moment", async () => {
    cluster = await startThrowawayPostgres();
    const url = await cluster.createDatabase();
    const pools = Array.from({ length: 4 }, () => openPostgres(url));
    try {
      const outcomes = await Promise.all(pools.map((db) => migrate(db)));
      expect(outcomes.filter((o) => o.applied.length > 0)).toHaveLength(1);
      expect(outcomes.flatMap((o) => o.applied)).toHaveLength(MIGRATIONS.length);
      expect(await migrate(pools[0]!)).toEqual({ applied: [], unknown: [] });
      const rows = await pools[0]!.query<{ id: number }>("SELECT id FROM schema_migrations");
      expect(rows.map((row) => row.id)).toEqual(MIGRATIONS.map((m) => m.id));
    } finally {
      await Promise.all(pools.map((db) => db.close()));
    }
  }, 120_000);

  it("report migrations a newer version applied without failing", async () => {
    const url = await cluster!.createDatabase();
    const db = openPostgres(url);
    try {
      await migrate(db);
      await db.query("INSERT INTO schema_migrations (id, name) VALUES (999, 'from the future')");
      expect(await migrate(db)).toEqual({ applied: [], unknown: [999] });
    } finally {
      await db.close();
    }
  });
});
