// The one place a team action (acknowledge, assign, snooze, note) is written, with who did it and when:
// the record an audit log reads. Every team write calls this inside its own transaction.
import "server-only";
import { randomUUID } from "node:crypto";
import type { TeamAction, TeamActionKind } from "@/lib/trades/alert-types";
import type { Queryable } from "./database";
import { isoFromDb } from "./sql-values";

export interface TeamActionInput {
  /** Staff email. */
  actor: string;
  action: TeamActionKind;
  /** What it was done to: an alert id, a trade id, or "all". */
  subject: string;
  detail: string | null;
}

export async function recordTeamAction(tx: Queryable, input: TeamActionInput): Promise<TeamAction> {
  const [row] = await tx.query<{ id: string; at: unknown }>(
    "INSERT INTO team_actions (id, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5) RETURNING id, at",
    [randomUUID(), input.actor, input.action, input.subject, input.detail],
  );
  return { ...input, id: row?.id ?? "", at: isoFromDb(row?.at ?? new Date()) };
}

export async function listTeamActions(db: Queryable, limit = 200): Promise<TeamAction[]> {
  const rows = await db.query<{ id: string; actor: string; action: TeamActionKind; subject: string; detail: string | null; at: unknown }>(
    "SELECT id, actor, action, subject, detail, at FROM team_actions ORDER BY at DESC, id LIMIT $1",
    [limit],
  );
  return rows.map((row) => ({ ...row, at: isoFromDb(row.at) }));
}
