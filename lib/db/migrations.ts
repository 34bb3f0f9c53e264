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
      // Who did what, when: every team action (migration 7 makes this the audit log).
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
    id: 7,
    name: "audit log: team actions become the append-only audit log",
    statements: [
      // The team actions written so far are the log's first rows; sign-ins and the like have no subject.
      "ALTER TABLE team_actions RENAME TO audit_log",
      "ALTER TABLE audit_log ALTER COLUMN subject DROP NOT NULL",
      "ALTER TABLE audit_log ADD COLUMN address text",
      "ALTER TABLE audit_log ADD COLUMN user_agent text",
      // The order rows were written in, across every instance on one database: the page's newest-first
      // order and its paging cursor. Rows carried over are numbered in their time order.
      "CREATE SEQUENCE audit_log_seq",
      "ALTER TABLE audit_log ADD COLUMN seq bigint",
      `UPDATE audit_log SET seq = ordered.n
       FROM (SELECT id, row_number() OVER (ORDER BY at, id) AS n FROM audit_log) AS ordered
       WHERE audit_log.id = ordered.id`,
      "SELECT setval('audit_log_seq', (SELECT count(*) FROM audit_log) + 1, false)",
      "ALTER TABLE audit_log ALTER COLUMN seq SET DEFAULT nextval('audit_log_seq')",
      "ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL",
      "ALTER SEQUENCE audit_log_seq OWNED BY audit_log.seq",
      "DROP INDEX team_actions_at",
      "CREATE UNIQUE INDEX audit_log_newest ON audit_log (seq DESC)",
      "CREATE INDEX audit_log_actor ON audit_log (actor, seq DESC)",
      "CREATE INDEX audit_log_action ON audit_log (action, seq DESC)",
      "CREATE INDEX audit_log_at ON audit_log (at)",
      // Append-only: UPDATE is always refused; DELETE only for rows older than the cutoff that the
      // retention pruning (lib/db/audit-log.ts) sets for its own transaction.
      `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         cutoff text := current_setting('assetpay_ops.audit_prune_before', true);
       BEGIN
         IF TG_OP = 'DELETE' AND cutoff IS NOT NULL AND cutoff <> '' AND OLD.at < cutoff::timestamptz THEN
           RETURN OLD;
         END IF;
         RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
       END
       $$`,
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    ],
  },
  {
    id: 8,
    name: "staff sessions",
    statements: [
      // One row per signed-in session (lib/db/staff-sessions.ts): the session JWT carries its id, and
      // every check requires the row to be open, so ending it here ends every copy of the cookie on
      // every instance. Rows are deleted a day after the session's own expiry.
      `CREATE TABLE staff_sessions (
        id text PRIMARY KEY,
        email text NOT NULL,
        role text,
        provider text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text,
        address text,
        user_agent text
      )`,
      "CREATE INDEX staff_sessions_open ON staff_sessions (email) WHERE ended_at IS NULL",
      "CREATE INDEX staff_sessions_expiry ON staff_sessions (expires_at)",
    ],
  },
  {
    id: 9,
    name: "two-factor sign-in: TOTP keys and recovery codes",
    statements: [
      // One row per staff email that has set up two-factor sign-in (lib/db/two-factor-store.ts). The keys
      // are AES-GCM ciphertext the app made (lib/auth/two-factor/secret-box.ts): this database never
      // holds a usable key. `pending_secret` is a key shown but not yet confirmed with a code;
      // `last_used_step` is the newest TOTP time step accepted, so a code is accepted once.
      `CREATE TABLE staff_two_factor (
        email text PRIMARY KEY,
        secret text,
        pending_secret text,
        enabled_at timestamptz,
        last_used_step bigint,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      // SHA-256 of each unused recovery code; a used one is deleted.
      `CREATE TABLE staff_recovery_codes (
        email text NOT NULL,
        code_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (email, code_hash)
      )`,
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
  {
    id: 11,
    name: "alert versions in commit order, webhook attempts with an unknown outcome",
    statements: [
      // The SSE catch-up reads "alerts whose version > N" and moves N to the highest it saw. A sequence
      // hands out numbers when asked, not when the asker commits: with two writers, 42 could commit while
      // 41 was still open, and a reader moving its cursor to 42 would never see 41. So every statement
      // that inserts an alert or sets its version first takes this transaction-scoped advisory lock:
      // a writer holds it from taking its number until it commits, the next writer takes its number
      // only after that, so versions become visible strictly in order and "max version seen" is a safe
      // cursor. A BEFORE ... FOR EACH STATEMENT trigger fires before the statement evaluates any
      // `nextval`, so no writer can forget it. Readers take no lock. On PGlite (one connection, one
      // transaction at a time) the lock is always free and changes nothing. The reader is
      // alertChangesSince in lib/db/alert-team.ts.
      `CREATE FUNCTION alert_versions_in_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_advisory_xact_lock(60106011);
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER alerts_versions_in_commit_order BEFORE INSERT OR UPDATE OF version ON alerts
       FOR EACH STATEMENT EXECUTE FUNCTION alert_versions_in_commit_order()`,
      // A webhook attempt is recorded as started (claimed, attempts + 1) before its POST; one that ends
      // with no known outcome (no answer in time, the connection dropped mid-request, the recorder died
      // mid-POST) is never posted again, so an alert reaches the target at most once. Such an attempt
      // is marked here, counted and shown (lib/db/alert-deliveries.ts, docs/architecture.md).
      "ALTER TABLE alerts ADD COLUMN delivery_unknown_at timestamptz",
    ],
  },
  {
    id: 12,
    name: "the role each staff member last signed in with",
    statements: [
      // One row per staff email (lib/db/staff-roles.ts): the role of their latest sign-in, so a sign-in
      // with another role is audited as a role change, and single sign-on staff who have signed in can
      // be assigned work. Kept apart from staff_sessions, whose rows go a day after they expire.
      `CREATE TABLE staff_roles (
        email text PRIMARY KEY,
        role text NOT NULL,
        provider text NOT NULL,
        since timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    id: 13,
    name: "saved views of the board, a default view per staff member",
    statements: [
      // A named board view (lib/db/saved-views.ts): the board's canonical query string (never the open
      // trade), personal or shared with the team. Names are unique per owner, ignoring case.
      `CREATE TABLE saved_views (
        id text PRIMARY KEY,
        owner text NOT NULL,
        name text NOT NULL,
        shared boolean NOT NULL,
        query text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      "CREATE UNIQUE INDEX saved_views_owner_name ON saved_views (owner, lower(name))",
      "CREATE INDEX saved_views_shared ON saved_views (name) WHERE shared",
      // The view a bare /board opens for this staff member; it goes when the view does.
      `CREATE TABLE staff_default_views (
        email text PRIMARY KEY,
        view_id text NOT NULL REFERENCES saved_views (id) ON DELETE CASCADE,
        set_at timestamptz NOT NULL DEFAULT now()
      )`,
      "CREATE INDEX staff_default_views_view ON staff_default_views (view_id)",
    ],
  },
  {
    id: 14,
    name: "status changes by time, for trends",
    statements: [
      // The trends (lib/db/trend-reads.ts) read every status change in a window by AssetPay time; the
      // primary key starts with the trade id, so without this each window would read the whole table.
      "CREATE INDEX trade_history_at ON trade_history (at)",
    ],
  },
  {
    id: 15,
    name: "recorded trades in updated_at order, for the history export",
    statements: [
      // A history export (lib/db/trade-export.ts) reads every trade of a date range in (updated_at, id)
      // pages; trades_terminal_recent covers finished trades only, so without this each page would sort.
      "CREATE INDEX trades_updated ON trades (updated_at, id)",
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
