// Which alerts deserve a desktop notification: each NEW alert once, and never again — not when the
// stream reconnects and replays, not on the next snapshot, not when the alert changes (assigned,
// snoozed). The first snapshot only primes the memory: alerts raised before the tab opened are in the
// list, not in a notification burst. Pure apart from the memory it owns.
import type { Alert } from "@/lib/live/alerts-schema";
import { needsAttention } from "@/lib/store/alerts-selectors";

export interface NotifyOnce {
  /** Alerts in `alerts` to notify about now, at clock `now`. */
  pick: (alerts: Iterable<Alert>, now: number) => Alert[];
}

/** Ids remembered at most; an alert older than the oldest remembered cannot come back as new anyway. */
const MAX_REMEMBERED = 5_000;

export function createNotifyOnce(): NotifyOnce {
  const seen = new Set<string>();
  let primed = false;
  return {
    pick(alerts, now) {
      const fresh: Alert[] = [];
      for (const alert of alerts) {
        if (seen.has(alert.id)) continue;
        seen.add(alert.id);
        if (primed && needsAttention(alert, now)) fresh.push(alert);
      }
      primed = true;
      if (seen.size > MAX_REMEMBERED) {
        for (const id of seen) {
          seen.delete(id);
          if (seen.size <= MAX_REMEMBERED) break;
        }
      }
      return fresh;
    },
  };
}

const KIND_TITLE: Record<Alert["kind"], string> = {
  stalled: "Trade stalled",
  failed: "Trade failed",
  reverted: "Trade reverted",
  missing: "Trade unknown to AssetPay",
  "funding-failed": "Crypto funding failed",
};

export function alertKindTitle(kind: Alert["kind"]): string {
  return KIND_TITLE[kind];
}

/** Title and body of the one desktop notification for an alert. */
export function notificationFor(alert: Alert): { title: string; options: NotificationOptions } {
  const subject = alert.tradeId !== null ? `Trade ${alert.tradeId}${alert.game ? ` (${alert.game.toUpperCase()})` : ""}` : `Funding ${alert.fundingId ?? ""}`;
  return { title: `${KIND_TITLE[alert.kind]} · AssetPay Ops`, options: { tag: alert.id, body: `${subject}: ${alert.reason}` } };
}
