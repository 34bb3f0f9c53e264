// The webhook's queue, in the alerts table, as an explicit state machine per alert:
//
//   waiting ──claim──▶ sending ──2xx──────────────────────────▶ delivered
//      ▲                  │ ──known not delivered, retries left──▶ waiting (due later)
//      └──────────────────┘ ──known not delivered, none left─────▶ gave up
//                         │ ──outcome unknown (no answer, dropped mid-request, sender died)──▶ unknown
//
// Claiming IS recording the attempt's start: one committed UPDATE (attempts + 1, an outcome deadline in
// delivery_claimed_until) before the POST leaves this process. So a sender that dies mid-POST leaves a
// "sending" row behind, and once its deadline passes (settleAbandonedAttempts) the attempt is marked
// unknown, never claimed again: an alert is posted at most once beyond any attempt known to have
// failed. Only one sender can claim a waiting row (FOR UPDATE SKIP LOCKED), so several recorders on one
// database post each alert once. Never bumps the alert's version: deliveries are not a change staff see.
import "server-only";
import type { Alert } from "@/lib/trades/alert-types";
import type { Queryable } from "./database";
import { ALERT_COLUMNS, type AlertRow, alertFromRow } from "./alert-rows";

export interface ClaimedDelivery {
  alert: Alert;
  /** This claim's attempt number, 1 for the first. */
  attempt: number;
}

/** waiting → sending, for up to `limit` alerts due now; `outcomeWithinMs` is the attempt's deadline. */
export async function claimDueDeliveries(db: Queryable, limit: number, outcomeWithinMs: number): Promise<ClaimedDelivery[]> {
  const rows = await db.query<AlertRow & { delivery_attempts: number | string }>(
    `UPDATE alerts SET delivery_claimed_until = now() + make_interval(secs => $2::double precision), delivery_attempts = delivery_attempts + 1
     WHERE id IN (
       SELECT id FROM alerts
       WHERE delivered_at IS NULL AND delivery_gave_up_at IS NULL AND delivery_due_at <= now()
         AND delivery_claimed_until IS NULL AND delivery_unknown_at IS NULL
       ORDER BY delivery_due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     AND delivered_at IS NULL AND delivery_claimed_until IS NULL AND delivery_unknown_at IS NULL
     RETURNING ${ALERT_COLUMNS}, delivery_attempts`,
    [limit, outcomeWithinMs / 1000],
  );
  return rows.map((row) => ({ alert: alertFromRow(row), attempt: Number(row.delivery_attempts) }));
}

/** sending → delivered. Also over "unknown": the answer arrived after all, so it is known now. */
export async function markDelivered(db: Queryable, id: string): Promise<void> {
  await db.query(
    "UPDATE alerts SET delivered_at = now(), delivery_claimed_until = NULL, delivery_unknown_at = NULL, delivery_last_error = NULL WHERE id = $1",
    [id],
  );
}

/** sending → waiting (due in `retryInMs`) or, with `retryInMs` null, gave up. Only for attempts known not to have delivered. */
export async function markDeliveryFailed(db: Queryable, id: string, error: string, retryInMs: number | null): Promise<void> {
  await db.query(
    `UPDATE alerts SET delivery_claimed_until = NULL, delivery_last_error = $2,
       delivery_due_at = CASE WHEN $3::double precision IS NULL THEN delivery_due_at ELSE now() + make_interval(secs => $3::double precision) END,
       delivery_gave_up_at = CASE WHEN $3::double precision IS NULL THEN now() END
     WHERE id = $1 AND delivered_at IS NULL AND delivery_unknown_at IS NULL`,
    [id, error.slice(0, 500), retryInMs === null ? null : retryInMs / 1000],
  );
}

/** sending → unknown: the target may or may not have it, so it is never posted again. */
export async function markDeliveryUnknown(db: Queryable, id: string, error: string): Promise<void> {
  await db.query(
    `UPDATE alerts SET delivery_claimed_until = NULL, delivery_unknown_at = now(), delivery_last_error = $2
     WHERE id = $1 AND delivered_at IS NULL AND delivery_gave_up_at IS NULL`,
    [id, error.slice(0, 500)],
  );
}

/** Attempts still "sending" past their deadline (their sender died or lost the database) → unknown; their ids. */
export async function settleAbandonedAttempts(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `UPDATE alerts SET delivery_claimed_until = NULL, delivery_unknown_at = now(),
       delivery_last_error = 'the attempt started but its outcome was never recorded (the recorder stopped or lost the database mid-post)'
     WHERE delivery_claimed_until < now() AND delivered_at IS NULL AND delivery_gave_up_at IS NULL AND delivery_unknown_at IS NULL
     RETURNING id`,
  );
  return rows.map((row) => row.id);
}
