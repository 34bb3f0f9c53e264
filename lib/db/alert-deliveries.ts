// The webhook's queue, in the alerts table: a new alert waits with delivery_due_at set; a sender claims
// it for a while (a lease, so at most one instance posts it at a time, and a sender that died mid-post
// frees it), then marks it delivered, due again later, or given up. Never bumps the alert's version:
// deliveries are not a change staff see.
import "server-only";
import type { Alert } from "@/lib/trades/alert-types";
import type { Queryable } from "./database";
import { ALERT_COLUMNS, type AlertRow, alertFromRow } from "./alert-rows";

export interface ClaimedDelivery {
  alert: Alert;
  /** This claim's attempt number, 1 for the first. */
  attempt: number;
}

export async function claimDueDeliveries(db: Queryable, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const rows = await db.query<AlertRow & { delivery_attempts: number | string }>(
    `UPDATE alerts SET delivery_claimed_until = now() + make_interval(secs => $2::double precision), delivery_attempts = delivery_attempts + 1
     WHERE id IN (
       SELECT id FROM alerts
       WHERE delivered_at IS NULL AND delivery_gave_up_at IS NULL AND delivery_due_at <= now()
         AND (delivery_claimed_until IS NULL OR delivery_claimed_until < now())
       ORDER BY delivery_due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     AND delivered_at IS NULL AND (delivery_claimed_until IS NULL OR delivery_claimed_until < now())
     RETURNING ${ALERT_COLUMNS}, delivery_attempts`,
    [limit, leaseMs / 1000],
  );
  return rows.map((row) => ({ alert: alertFromRow(row), attempt: Number(row.delivery_attempts) }));
}

export async function markDelivered(db: Queryable, id: string): Promise<void> {
  await db.query("UPDATE alerts SET delivered_at = now(), delivery_claimed_until = NULL, delivery_last_error = NULL WHERE id = $1", [id]);
}

/** `retryInMs` null: no more attempts. */
export async function markDeliveryFailed(db: Queryable, id: string, error: string, retryInMs: number | null): Promise<void> {
  await db.query(
    `UPDATE alerts SET delivery_claimed_until = NULL, delivery_last_error = $2,
       delivery_due_at = CASE WHEN $3::double precision IS NULL THEN delivery_due_at ELSE now() + make_interval(secs => $3::double precision) END,
       delivery_gave_up_at = CASE WHEN $3::double precision IS NULL THEN now() END
     WHERE id = $1`,
    [id, error.slice(0, 500), retryInMs === null ? null : retryInMs / 1000],
  );
}
