// What staff do with alerts and trades, on the store: list alerts and what changed since a cursor,
// acknowledge (once; twice changes nothing), assign, snooze, and a trade's notes and assignee. Every
// change bumps the alert's version (readers on every instance catch up by it) and is written to
// the audit log in the same transaction (./audit-log), with where the staff member acted from.
import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditOrigin } from "@/lib/audit/audit-actions";
import type { Alert, AlertList, TradeNote } from "@/lib/trades/alert-types";
import type { Queryable } from "./database";
import { ALERT_COLUMNS, type AlertRow, alertFromRow } from "./alert-rows";
import { isoFromDb } from "./sql-values";
import { appendAuditEvent } from "./audit-log";

/** A Database or anything that can run a transaction over one (the recorder's RPC does not need one). */
export interface TeamDb extends Queryable {
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
}

export const MAX_ALERTS_LISTED = 500;

async function openCountAndCursor(db: Queryable): Promise<{ openCount: number; cursor: number }> {
  const [row] = await db.query<{ open: number | string; cursor: number | string | null }>(
    "SELECT (SELECT count(*) FROM alerts WHERE acknowledged_at IS NULL) AS open, (SELECT max(version) FROM alerts) AS cursor",
  );
  return { openCount: Number(row?.open ?? 0), cursor: Number(row?.cursor ?? 0) };
}

export async function listAlerts(db: Queryable, options: { state: "open" | "all"; limit: number }): Promise<AlertList> {
  const limit = Math.max(1, Math.min(MAX_ALERTS_LISTED, options.limit));
  const where = options.state === "open" ? "WHERE acknowledged_at IS NULL" : "";
  const counts = await openCountAndCursor(db);
  const rows = await db.query<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts ${where} ORDER BY raised_at DESC, id LIMIT $1`, [limit]);
  return { alerts: rows.map(alertFromRow), ...counts };
}

/**
 * Alerts changed after `cursor` (oldest change first), with the new cursor and the open count. Moving
 * the cursor to the highest version read never skips a change: versions become visible in the order
 * they were taken (the lock of migration 11 in ./migrations), so none below it can still commit.
 */
export async function alertChangesSince(db: Queryable, cursor: number, limit = MAX_ALERTS_LISTED): Promise<AlertList> {
  const counts = await openCountAndCursor(db);
  const rows = await db.query<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE version > $1 ORDER BY version LIMIT $2`, [cursor, limit]);
  const alerts = rows.map(alertFromRow);
  const last = alerts.at(-1)?.version ?? cursor;
  // When capped, the cursor stops at the last change sent, so the rest comes next time.
  return { alerts, openCount: counts.openCount, cursor: alerts.length >= limit ? last : Math.max(last, Math.min(cursor, counts.cursor)) };
}

async function readAlert(db: Queryable, id: string): Promise<Alert | null> {
  const [row] = await db.query<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = $1`, [id]);
  return row ? alertFromRow(row) : null;
}

/** null: no such alert. `changed` false: it was already acknowledged (by anyone). */
export async function acknowledgeAlert(db: TeamDb, id: string, actor: string, origin: AuditOrigin): Promise<{ alert: Alert; changed: boolean } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<AlertRow>(
      `UPDATE alerts SET acknowledged_at = now(), acknowledged_by = $2, version = nextval('alert_versions')
       WHERE id = $1 AND acknowledged_at IS NULL RETURNING ${ALERT_COLUMNS}`,
      [id, actor],
    );
    if (row) {
      await appendAuditEvent(tx, { actor, action: "acknowledge", subject: id, detail: null, ...origin });
      return { alert: alertFromRow(row), changed: true };
    }
    const existing = await readAlert(tx, id);
    return existing ? { alert: existing, changed: false } : null;
  });
}

/** Acknowledges every open alert (snoozed ones included); how many it acknowledged. */
export async function acknowledgeAllAlerts(db: TeamDb, actor: string, origin: AuditOrigin): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `UPDATE alerts SET acknowledged_at = now(), acknowledged_by = $1, version = nextval('alert_versions')
       WHERE acknowledged_at IS NULL RETURNING id`,
      [actor],
    );
    if (rows.length > 0) await appendAuditEvent(tx, { actor, action: "acknowledge-all", subject: "all", detail: `${rows.length} alerts`, ...origin });
    return rows.length;
  });
}

export async function assignAlert(db: TeamDb, id: string, assignee: string | null, actor: string, origin: AuditOrigin): Promise<Alert | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<AlertRow>(
      `UPDATE alerts SET assignee = $2, version = nextval('alert_versions') WHERE id = $1 RETURNING ${ALERT_COLUMNS}`,
      [id, assignee],
    );
    if (!row) return null;
    await appendAuditEvent(tx, { actor, action: "assign", subject: id, detail: assignee, ...origin });
    return alertFromRow(row);
  });
}

export async function snoozeAlert(db: TeamDb, id: string, minutes: number, actor: string, origin: AuditOrigin): Promise<Alert | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<AlertRow>(
      `UPDATE alerts SET snoozed_until = now() + make_interval(mins => $2::int), version = nextval('alert_versions')
       WHERE id = $1 RETURNING ${ALERT_COLUMNS}`,
      [id, minutes],
    );
    if (!row) return null;
    await appendAuditEvent(tx, { actor, action: "snooze", subject: id, detail: `${minutes} min`, ...origin });
    return alertFromRow(row);
  });
}

export interface TradeTeam {
  alerts: Alert[];
  notes: TradeNote[];
  assignee: string | null;
}

export async function readTradeTeam(db: Queryable, tradeId: string): Promise<TradeTeam> {
  const alerts = await db.query<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE trade_id = $1 ORDER BY raised_at DESC, id`, [tradeId]);
  const notes = await db.query<{ id: string; trade_id: string; author: string; text: string; at: unknown }>(
    "SELECT id, trade_id, author, text, at FROM trade_notes WHERE trade_id = $1 ORDER BY at, id",
    [tradeId],
  );
  const [assigned] = await db.query<{ assignee: string }>("SELECT assignee FROM trade_assignees WHERE trade_id = $1", [tradeId]);
  return {
    alerts: alerts.map(alertFromRow),
    notes: notes.map((row) => ({ id: row.id, tradeId: row.trade_id, author: row.author, text: row.text, at: isoFromDb(row.at) })),
    assignee: assigned?.assignee ?? null,
  };
}

/** `text` is already checked (lib/trades/alert-input.ts). */
export async function addTradeNote(db: TeamDb, tradeId: string, text: string, author: string, origin: AuditOrigin): Promise<TradeNote> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string; at: unknown }>(
      "INSERT INTO trade_notes (id, trade_id, author, text) VALUES ($1, $2, $3, $4) RETURNING id, at",
      [randomUUID(), tradeId, author, text],
    );
    await appendAuditEvent(tx, { actor: author, action: "note", subject: tradeId, detail: text.slice(0, 200), ...origin });
    return { id: row?.id ?? "", tradeId, author, text, at: isoFromDb(row?.at ?? new Date()) };
  });
}

/** Remembers the trade's assignee and assigns its open alerts to them (null: nobody). */
export async function assignTrade(db: TeamDb, tradeId: string, assignee: string | null, actor: string, origin: AuditOrigin): Promise<{ assignee: string | null }> {
  return db.transaction(async (tx) => {
    if (assignee === null) await tx.query("DELETE FROM trade_assignees WHERE trade_id = $1", [tradeId]);
    else {
      await tx.query(
        `INSERT INTO trade_assignees (trade_id, assignee) VALUES ($1, $2)
         ON CONFLICT (trade_id) DO UPDATE SET assignee = excluded.assignee, assigned_at = now()`,
        [tradeId, assignee],
      );
    }
    await tx.query(
      `UPDATE alerts SET assignee = $2, version = nextval('alert_versions')
       WHERE trade_id = $1 AND acknowledged_at IS NULL AND assignee IS DISTINCT FROM $2`,
      [tradeId, assignee],
    );
    await appendAuditEvent(tx, { actor, action: "assign", subject: tradeId, detail: assignee, ...origin });
    return { assignee };
  });
}
