// Saved views of the board and each staff member's default view, on the store (migration 13). A staff
// member sees their own views and every shared one; someone else's personal view does not exist for
// them (not found, never "forbidden", so its name does not leak). Only the owner renames; the owner
// deletes, and so may whoever the route allows to delete shared views (admins). Creating or deleting a
// shared view is written to the audit log in the same transaction (./audit-log). Callers pass names
// and queries already checked (lib/trades/saved-view.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditOrigin } from "@/lib/audit/audit-actions";
import { MAX_VIEWS_LISTED, MAX_VIEWS_PER_OWNER, type SavedView, type SavedViewList } from "@/lib/trades/saved-view";
import type { TeamDb } from "./alert-team";
import { appendAuditEvent } from "./audit-log";
import type { Queryable } from "./database";
import { isoFromDb } from "./sql-values";

interface ViewRow {
  id: string;
  owner: string;
  name: string;
  shared: boolean;
  query: string;
  created_at: unknown;
  updated_at: unknown;
}

const COLUMNS = "id, owner, name, shared, query, created_at, updated_at";

function viewFromRow(row: ViewRow): SavedView {
  return {
    id: row.id,
    owner: row.owner,
    name: row.name,
    shared: row.shared,
    query: row.query,
    createdAt: isoFromDb(row.created_at),
    updatedAt: isoFromDb(row.updated_at),
  };
}

/** Postgres' unique_violation: a name the owner already uses, written by a racing request. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "23505";
}

export async function listSavedViews(db: Queryable, email: string): Promise<SavedViewList> {
  const rows = await db.query<ViewRow>(
    `SELECT ${COLUMNS} FROM saved_views WHERE owner = $1 OR shared ORDER BY owner = $1 DESC, lower(name), owner, id LIMIT $2`,
    [email, MAX_VIEWS_LISTED],
  );
  const [chosen] = await db.query<{ view_id: string }>(
    `SELECT d.view_id FROM staff_default_views d JOIN saved_views v ON v.id = d.view_id
     WHERE d.email = $1 AND (v.owner = $1 OR v.shared)`,
    [email],
  );
  return { views: rows.map(viewFromRow), defaultViewId: chosen?.view_id ?? null };
}

export interface NewSavedView {
  owner: string;
  name: string;
  shared: boolean;
  query: string;
}

export type CreateViewOutcome = { outcome: "created"; view: SavedView } | { outcome: "duplicate" | "too-many" };

export async function createSavedView(db: TeamDb, view: NewSavedView, origin: AuditOrigin): Promise<CreateViewOutcome> {
  return db.transaction(async (tx) => {
    // Two racing saves may both pass this and end one over the cap: harmless, the cap only bounds growth.
    const [kept] = await tx.query<{ n: number | string }>("SELECT count(*) AS n FROM saved_views WHERE owner = $1", [view.owner]);
    if (Number(kept?.n ?? 0) >= MAX_VIEWS_PER_OWNER) return { outcome: "too-many" as const };
    const [row] = await tx.query<ViewRow>(
      `INSERT INTO saved_views (id, owner, name, shared, query) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (owner, lower(name)) DO NOTHING RETURNING ${COLUMNS}`,
      [randomUUID(), view.owner, view.name, view.shared, view.query],
    );
    if (!row) return { outcome: "duplicate" as const };
    if (row.shared) await auditShared(tx, "shared-view-created", row, view.owner, origin);
    return { outcome: "created" as const, view: viewFromRow(row) };
  });
}

export type RenameViewOutcome = { outcome: "renamed"; view: SavedView } | { outcome: "not-found" | "not-owner" | "duplicate" };

export async function renameSavedView(db: Queryable, change: { id: string; email: string; name: string }): Promise<RenameViewOutcome> {
  const [row] = await db.query<ViewRow>(`SELECT ${COLUMNS} FROM saved_views WHERE id = $1 AND (owner = $2 OR shared)`, [change.id, change.email]);
  if (!row) return { outcome: "not-found" };
  if (row.owner !== change.email) return { outcome: "not-owner" };
  try {
    const [renamed] = await db.query<ViewRow>(
      `UPDATE saved_views SET name = $3, updated_at = now()
       WHERE id = $1 AND owner = $2
         AND NOT EXISTS (SELECT 1 FROM saved_views o WHERE o.owner = $2 AND lower(o.name) = lower($3) AND o.id <> $1)
       RETURNING ${COLUMNS}`,
      [change.id, change.email, change.name],
    );
    // Gone meanwhile (deleted), or the name is taken by another view of the owner.
    if (!renamed) return (await viewExists(db, change.id)) ? { outcome: "duplicate" } : { outcome: "not-found" };
    return { outcome: "renamed", view: viewFromRow(renamed) };
  } catch (error) {
    if (isUniqueViolation(error)) return { outcome: "duplicate" };
    throw error;
  }
}

async function viewExists(db: Queryable, id: string): Promise<boolean> {
  return (await db.query("SELECT 1 FROM saved_views WHERE id = $1", [id])).length > 0;
}

export type DeleteViewOutcome = { outcome: "deleted" | "not-found" | "not-allowed" };

export interface ViewDeletion {
  id: string;
  email: string;
  /** The asker may delete shared views of others (an admin; decided by the route from the role). */
  mayDeleteShared: boolean;
}

export async function deleteSavedView(db: TeamDb, deletion: ViewDeletion, origin: AuditOrigin): Promise<DeleteViewOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<ViewRow>(
      `SELECT ${COLUMNS} FROM saved_views WHERE id = $1 AND (owner = $2 OR shared) FOR UPDATE`,
      [deletion.id, deletion.email],
    );
    if (!row) return { outcome: "not-found" as const };
    if (row.owner !== deletion.email && !deletion.mayDeleteShared) return { outcome: "not-allowed" as const };
    await tx.query("DELETE FROM saved_views WHERE id = $1", [row.id]);
    if (row.shared) await auditShared(tx, "shared-view-deleted", row, deletion.email, origin);
    return { outcome: "deleted" as const };
  });
}

/**
 * Makes `viewId` the view a bare /board opens for `email` (null: none). The view must be one they can
 * see; null answer: no such view for them.
 */
export async function setDefaultView(db: Queryable, email: string, viewId: string | null): Promise<{ defaultViewId: string | null } | null> {
  if (viewId === null) {
    await db.query("DELETE FROM staff_default_views WHERE email = $1", [email]);
    return { defaultViewId: null };
  }
  const [row] = await db.query<{ view_id: string }>(
    `INSERT INTO staff_default_views (email, view_id)
     SELECT $1, id FROM saved_views WHERE id = $2 AND (owner = $1 OR shared)
     ON CONFLICT (email) DO UPDATE SET view_id = EXCLUDED.view_id, set_at = now()
     RETURNING view_id`,
    [email, viewId],
  );
  return row ? { defaultViewId: row.view_id } : null;
}

async function auditShared(
  tx: Queryable,
  action: "shared-view-created" | "shared-view-deleted",
  row: ViewRow,
  actor: string,
  origin: AuditOrigin,
): Promise<void> {
  const owner = row.owner === actor ? "" : ` (owner ${row.owner})`;
  await appendAuditEvent(tx, { actor, action, subject: row.name, detail: `${row.query || "every trade"}${owner}`, ...origin });
}
