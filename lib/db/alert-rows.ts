// Alert rows as the API serves them: the columns to select and the mapping to the shared Alert shape.
import "server-only";
import { ALERT_KINDS, type Alert, type AlertKind } from "@/lib/trades/alert-types";
import { isoFromDb } from "./sql-values";

export const ALERT_COLUMNS =
  "id, kind, trade_id, funding_id, game, reason, raised_at, acknowledged_at, acknowledged_by, assignee, snoozed_until, version";

export interface AlertRow {
  id: string;
  kind: string;
  trade_id: string | null;
  funding_id: string | null;
  game: string | null;
  reason: string;
  raised_at: unknown;
  acknowledged_at: unknown;
  acknowledged_by: string | null;
  assignee: string | null;
  snoozed_until: unknown;
  version: number | string;
}

const KINDS: ReadonlySet<string> = new Set(ALERT_KINDS);

const optionalIso = (value: unknown): string | null => (value === null || value === undefined ? null : isoFromDb(value));

export function alertFromRow(row: AlertRow): Alert {
  return {
    id: row.id,
    kind: (KINDS.has(row.kind) ? row.kind : "stalled") as AlertKind,
    tradeId: row.trade_id,
    fundingId: row.funding_id,
    game: row.game === "cs2" || row.game === "rust" ? row.game : null,
    reason: row.reason,
    raisedAt: isoFromDb(row.raised_at),
    acknowledgedAt: optionalIso(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by,
    assignee: row.assignee,
    snoozedUntil: optionalIso(row.snoozed_until),
    version: Number(row.version),
  };
}
