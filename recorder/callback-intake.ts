// Forwarded AssetPay callbacks, once the app's route has checked the bearer and the signature: dedupes
// by delivery id (AssetPay retries with the same id; the merchant's backend may forward twice), records
// a `{ trade }` through the event writer exactly like a socket `trade` event (parsed by lib/wire,
// newer-only, each status once in the history), and only then notes the delivery id, so a failed write
// is retried by AssetPay rather than remembered as done. Never approves or rejects anything.
import "server-only";
import type { CallbackDelivery, CallbackOutcome } from "@/lib/assetpay/callback-delivery";
import type { Database } from "@/lib/db/database";
import { isDeliveryRecorded, noteDelivery } from "@/lib/db/callback-deliveries";
import type { EventWriter } from "./event-writer";

export class CallbackWriteError extends Error {}

export interface CallbackIntakeStats {
  recorded: number;
  duplicates: number;
  unrecorded: number;
  malformed: number;
}

export interface CallbackIntake {
  ingest(delivery: CallbackDelivery): Promise<CallbackOutcome>;
  stats(): CallbackIntakeStats;
}

export function createCallbackIntake(options: { db: Database; writer: EventWriter; log: (line: string) => void }): CallbackIntake {
  const stats: CallbackIntakeStats = { recorded: 0, duplicates: 0, unrecorded: 0, malformed: 0 };
  let loggedFirst = false;

  async function ingest(delivery: CallbackDelivery): Promise<CallbackOutcome> {
    if (await isDeliveryRecorded(options.db, delivery.deliveryId)) {
      stats.duplicates += 1;
      return { outcome: "duplicate" };
    }
    const { body } = delivery;
    let tradeId: string | null = null;
    if (body.kind === "trade") {
      const written = await options.writer.record("trade", body.payload, delivery.receivedAtMs);
      if (!written.ok && written.malformed) {
        stats.malformed += 1;
        return { outcome: "malformed", reason: written.reason.slice(0, 300) };
      }
      if (!written.ok) throw new CallbackWriteError(written.reason);
      const trade = body.payload.trade;
      tradeId = typeof trade === "object" && trade !== null && "id" in trade && typeof trade.id === "string" ? trade.id.slice(0, 200) : null;
    }
    await noteDelivery(options.db, {
      deliveryId: delivery.deliveryId,
      kind: body.kind === "trade" ? "trade" : body.name,
      tradeId,
      signedAt: delivery.signedAt,
      receivedAtMs: delivery.receivedAtMs,
    });
    if (!loggedFirst) {
      loggedFirst = true;
      options.log("receiving forwarded AssetPay callbacks");
    }
    if (body.kind === "trade") {
      stats.recorded += 1;
      return { outcome: "recorded" };
    }
    stats.unrecorded += 1;
    return { outcome: "unrecorded", reason: `end-user crypto ${body.name} callbacks are accepted but not recorded` };
  }

  return { ingest, stats: () => ({ ...stats }) };
}
