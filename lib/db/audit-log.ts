// The audit log's one store module: appends an event (the team writes call it inside their own
// transaction; recordAuditEvent in its own), reads pages newest first with filters, and prunes what is
// older than the retention. The table refuses UPDATE and DELETE by trigger (migration 7); pruning is
// the one exception, for rows older than the cutoff it declares in its own transaction.
import "server-only";
import { randomUUID } from "node:crypto";
import { type AuditEntry, type AuditEventInput, boundedAuditEvent } from "@/lib/audit/audit-actions";
import type { AuditPage, AuditQuery } from "@/lib/audit/audit-schema";
import { type Database, type Queryable, type SqlParam, transactionWithRetry } from "./database";
import { isoFromDb, msTime } from "./sql-values";

interface AuditRow {
  seq: number | string;
  id: string;
  at: unknown;
  actor: string;
  action: AuditEntry["action"];
  subject: string | null;
  detail: string | null;
  address: string | null;
  user_agent: string | null;
}

const COLUMNS = "seq, id, at, actor, action, subject, detail, address, user_agent";

function entryFromRow(row: AuditRow): AuditEntry {
  return {
    seq: String(row.seq),
    id: row.id,
    at: isoFromDb(row.at),
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    detail: row.detail,
    address: row.address,
    userAgent: row.user_agent,
  };
}

/** Appends one event on `tx` (a transaction of the caller's, or the database itself). */
export async function appendAuditEvent(tx: Queryable, event: AuditEventInput): Promise<AuditEntry> {
  const e = boundedAuditEvent(event);
  const [row] = await tx.query<AuditRow>(
    `INSERT INTO audit_log (id, actor, action, subject, detail, address, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [randomUUID(), e.actor, e.action, e.subject, e.detail, e.address, e.userAgent],
  );
  if (!row) throw new Error("the audit log did not return the appended row");
  return entryFromRow(row);
}

/** Newest first; `nextCursor` continues with older rows when there are more. */
export async function readAuditLog(db: Queryable, query: AuditQuery): Promise<AuditPage> {
  const where: string[] = [];
  const params: SqlParam[] = [];
  const add = (sql: (n: string) => string, value: SqlParam) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (query.actor !== null) add((n) => `strpos(lower(actor), lower(${n})) > 0`, query.actor);
  if (query.action !== null) add((n) => `action = ${n}`, query.action);
  if (query.from !== null) add((n) => `at >= ${n}::timestamptz`, query.from);
  if (query.to !== null) add((n) => `at <= ${n}::timestamptz`, query.to);
  if (query.before !== null) add((n) => `seq < ${n}::bigint`, query.before);
  params.push(query.limit + 1);
  const rows = await db.query<AuditRow>(
    `SELECT ${COLUMNS} FROM audit_log ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY seq DESC LIMIT $${params.length}`,
    params,
  );
  const entries = rows.slice(0, query.limit).map(entryFromRow);
  return { entries, nextCursor: rows.length > query.limit ? (entries.at(-1)?.seq ?? null) : null };
}

const PRUNE_BATCH = 5_000;

/** Deletes rows older than `beforeMs`, in batches; how many. The only DELETE the table lets through. */
export async function pruneAuditLog(db: Database, beforeMs: number): Promise<number> {
  const before = msTime(beforeMs);
  if (before === null) return 0;
  let total = 0;
  for (;;) {
    const deleted = await transactionWithRetry(db, async (tx) => {
      // Local to this transaction: the trigger lets this transaction delete rows older than it, no more.
      await tx.query("SELECT set_config('assetpay_ops.audit_prune_before', $1, true)", [before]);
      return tx.query(
        "DELETE FROM audit_log WHERE seq IN (SELECT seq FROM audit_log WHERE at < $1::timestamptz ORDER BY seq LIMIT $2) RETURNING 1",
        [before, PRUNE_BATCH],
      );
    });
    total += deleted.length;
    if (deleted.length < PRUNE_BATCH) return total;
  }
}
