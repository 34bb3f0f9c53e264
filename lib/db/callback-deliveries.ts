// The delivery ids of forwarded AssetPay callbacks already recorded (table callback_deliveries): the
// dedupe key, since AssetPay retries a delivery with the same id and the merchant's backend may forward
// it twice. A delivery is noted only after its content was written, so a failed write is not remembered
// as done and AssetPay's retry records it.
import "server-only";
import { type Database, transactionWithRetry } from "./database";
import { msTime } from "./sql-values";

export interface NotedDelivery {
  deliveryId: string;
  kind: "trade" | "deposit" | "withdrawal";
  tradeId: string | null;
  signedAt: string;
  receivedAtMs: number;
}

export async function isDeliveryRecorded(db: Database, deliveryId: string): Promise<boolean> {
  const rows = await db.query("SELECT 1 FROM callback_deliveries WHERE delivery_id = $1", [deliveryId]);
  return rows.length > 0;
}

/** True when this call noted it; false when someone else (a concurrent duplicate) already had. */
export async function noteDelivery(db: Database, delivery: NotedDelivery): Promise<boolean> {
  const receivedAt = msTime(delivery.receivedAtMs) ?? new Date().toISOString();
  const rows = await transactionWithRetry(db, (tx) =>
    tx.query(
      `INSERT INTO callback_deliveries (delivery_id, kind, trade_id, signed_at, received_at)
       VALUES ($1, $2, $3, $4, $5::timestamptz) ON CONFLICT (delivery_id) DO NOTHING RETURNING 1`,
      [delivery.deliveryId, delivery.kind, delivery.tradeId, delivery.signedAt, receivedAt],
    ),
  );
  return rows.length > 0;
}

/** Forgets delivery ids received before `beforeMs` (AssetPay stops retrying long before the retention ends). */
export async function pruneDeliveries(db: Database, beforeMs: number): Promise<number> {
  const before = msTime(beforeMs);
  if (before === null) return 0;
  const rows = await transactionWithRetry(db, (tx) => tx.query("DELETE FROM callback_deliveries WHERE received_at < $1::timestamptz RETURNING 1", [before]));
  return rows.length;
}
