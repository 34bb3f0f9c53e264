// The recorder's schema, as ordered migrations tracked in `schema_migrations`. The same statements run
// on PGlite and PostgreSQL. Applied under a transaction-scoped advisory lock, so two processes starting
// at once on one PostgreSQL (two recorders, or a recorder and an app) never race: the second waits,
// then finds nothing left to do. Never edit a shipped migration; append a new one.
import "server-only";
import type { Database } from "./database";

export interface Migration {
  id: number;
  name: string;
  statements: readonly string[];
}

/** Arbitrary, fixed: the advisory lock id every AssetPay Ops process uses for migrations. */
const MIGRATION_LOCK = 60_106_001;

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: "trades, history, funding, recorder health",
    statements: [
      // One row per trade: the latest version seen (newer-only by updated_at), the wire payload as
      // AssetPay sent it, and the columns the snapshot, reconciliation and pruning filter on.
      `CREATE TABLE trades (
        id text PRIMARY KEY,
        status text NOT NULL,
        raw_status text NOT NULL,
        status_rank smallint NOT NULL,
        terminal boolean NOT NULL,
        game text NOT NULL,
        type text NOT NULL,
        updated_at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        first_seen_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        confirmed_at timestamptz NOT NULL
      )`,
      "CREATE INDEX trades_in_flight ON trades (confirmed_at) WHERE NOT terminal",
      "CREATE INDEX trades_terminal_recent ON trades (updated_at DESC, id) WHERE terminal",
      // Every status change observed, keyed so replays and a second recorder add nothing.
      `CREATE TABLE trade_history (
        trade_id text NOT NULL REFERENCES trades (id) ON DELETE CASCADE,
        status text NOT NULL,
        raw_status text NOT NULL,
        at timestamptz NOT NULL,
        observed_at timestamptz NOT NULL,
        PRIMARY KEY (trade_id, status, at)
      )`,
      `CREATE TABLE funding (
        kind text NOT NULL,
        id text NOT NULL,
        status text NOT NULL,
        terminal boolean NOT NULL,
        stamp timestamptz NOT NULL,
        format text NOT NULL,
        payload jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (kind, id)
      )`,
      "CREATE INDEX funding_recent ON funding (stamp DESC)",
      // One row per running recorder (two app instances on one database: two rows).
      `CREATE TABLE recorder_health (
        recorder_id text PRIMARY KEY,
        host text NOT NULL,
        pid integer NOT NULL,
        started_at timestamptz NOT NULL,
        heartbeat_at timestamptz NOT NULL,
        state jsonb NOT NULL
      )`,
    ],
  },
  {
    id: 2,
    name: "forwarded callback deliveries",
    statements: [
      // One row per AssetPay callback delivery id the recorder has recorded: AssetPay retries a delivery
      // with the same id, and the merchant's backend may forward it more than once, so this is the dedupe
      // key (POST /api/assetpay/callbacks answers 200 for a known id). Pruned with finished trades.
      `CREATE TABLE callback_deliveries (
        delivery_id text PRIMARY KEY,
        kind text NOT NULL,
        trade_id text,
        signed_at text NOT NULL,
        received_at timestamptz NOT NULL
      )`,
      "CREATE INDEX callback_deliveries_received ON callback_deliveries (received_at)",
    ],
  },
  {
    id: 3,
    name: "assetpay rate budget",
    statements: [
      // The one AssetPay request budget every process on this database shares (lib/assetpay/budget-store-db.ts):
      // a token bucket, updated under a row lock.
      `CREATE TABLE assetpay_budget (
        name text PRIMARY KEY,
        tokens double precision NOT NULL,
        refilled_at_ms double precision NOT NULL,
        paused_until_ms double precision NOT NULL
      )`,
    ],
  },
  {
    id: 4,
    name: "store owner: the merchant and API URL the recorded data belongs to",
    statements: [
      // At most one row (the key can only be true): who this store records for. Checked by every
      // recorder at start (recorder/store-scope.ts) and by the app before it reads.
      `CREATE TABLE store_owner (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        merchant_id text NOT NULL,
        api_url text NOT NULL,
        claimed_at timestamptz NOT NULL
      )`,
    ],
  },
  {
    id: 5,
    name: "trades AssetPay no longer knows",
    statements: [
      // Set when a single-ref lookup answered TRADE_NOT_FOUND: the trade is kept for the record but is
      // never again in flight (reconciliation skips it; boards show it as missing).
      "ALTER TABLE trades ADD COLUMN missing_at timestamptz",
      // Every board reads the missing ones (count and newest ids) with the recorder's health.
      "CREATE INDEX trades_missing ON trades (missing_at DESC, id) WHERE missing_at IS NOT NULL",
    ],
  },
  {
    id: 6,
    name: "alerts, trade notes, trade assignees, team actions",
    statements: [
      // Every change to an alert takes the next number, so a reader asks "what changed after N" (the
      // SSE catch-up) on any instance.
      "CREATE SEQUENCE alert_versions",
      // One row per (subject, kind, episode): the unique key lets any number of recorders on one
      // database raise an episode, and only the first insert wins (lib/db/alert-raising.ts).
      `CREATE TABLE alerts (
        id text PRIMARY KEY,
        subject text NOT NULL,
        kind text NOT NULL,
        episode integer NOT NULL,
        trade_id text,
        funding_id text,
        game text,
        reason text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        raised_at timestamptz NOT NULL DEFAULT now(),
        cleared_at timestamptz,
        acknowledged_at timestamptz,
        acknowledged_by text,
        assignee text,
        snoozed_until timestamptz,
        version bigint NOT NULL DEFAULT nextval('alert_versions'),
        delivery_due_at timestamptz,
        delivery_claimed_until timestamptz,
        delivery_attempts integer NOT NULL DEFAULT 0,
        delivered_at timestamptz,
        delivery_gave_up_at timestamptz,
        delivery_last_error text,
        UNIQUE (subject, kind, episode)
      )`,
      "CREATE INDEX alerts_version ON alerts (version)",
      "CREATE INDEX alerts_open ON alerts (raised_at DESC) WHERE acknowledged_at IS NULL",
      "CREATE INDEX alerts_trade ON alerts (trade_id) WHERE trade_id IS NOT NULL",
      "CREATE INDEX alerts_undelivered ON alerts (delivery_due_at) WHERE delivered_at IS NULL AND delivery_gave_up_at IS NULL AND delivery_due_at IS NOT NULL",
      // Up to where the alert worker has looked at recorded changes: a restarted recorder starts there,
      // so what changed while it was down is still evaluated.
      `CREATE TABLE alert_scan (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        scanned_to timestamptz NOT NULL
      )`,
      `CREATE TABLE trade_notes (
        id text PRIMARY KEY,
        trade_id text NOT NULL,
        author text NOT NULL,
        text text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`,
      "CREATE INDEX trade_notes_trade ON trade_notes (trade_id, at)",
      `CREATE TABLE trade_assignees (
        trade_id text PRIMARY KEY,
        assignee text NOT NULL,
        assigned_at timestamptz NOT NULL DEFAULT now()
      )`,
      // Who did what, when: every team action, written by lib/db/team-actions.ts only.
      `CREATE TABLE team_actions (
        id text PRIMARY KEY,
        actor text NOT NULL,
        action text NOT NULL,
        subject text NOT NULL,
        detail text,
        at timestamptz NOT NULL DEFAULT now()
      )`,
      "CREATE INDEX team_actions_at ON team_actions (at DESC)",
    ],
  },
  {
    id: 10,
    name: "sign-in limits shared by every dashboard instance",
    statements: [
      // Failed sign-ins per key (`address:<ip>` or `account:<email>`) in the current window, and the
      // lockout they earned; written by lib/db/sign-in-limits.ts only. Rows of ended windows are pruned.
      `CREATE TABLE sign_in_limits (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`,
      "CREATE INDEX sign_in_limits_window ON sign_in_limits (window_started_at)",
    ],
  },
];

export interface MigrationOutcome {
  applied: string[];
  /** Ids in the database this code does not know (a newer version ran here); harmless, reported. */
  unknown: number[];
}

export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationOutcome> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const rows = await tx.query<{ id: number }>("SELECT id FROM schema_migrations");
    const done = new Set(rows.map((row) => Number(row.id)));
    const applied: string[] = [];
    for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
      if (done.has(migration.id)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query("INSERT INTO schema_migrations (id, name) VALUES ($1, $2)", [migration.id, migration.name]);
      applied.push(`${migration.id} ${migration.name}`);
    }
    const known = new Set(migrations.map((migration) => migration.id));
    return { applied, unknown: [...done].filter((id) => !known.has(id)) };
  });
}
