// A valid Alert for tests, with overrides.
import type { Alert } from "@/lib/live/alerts-schema";

export function makeAlert(patch: Partial<Alert> = {}): Alert {
  return {
    id: "al-1",
    kind: "stalled",
    tradeId: "t-1",
    fundingId: null,
    game: "cs2",
    reason: "Offer sent 42 min ago, not accepted (limit 20 min)",
    raisedAt: "2026-12-06T10:00:00.000Z",
    acknowledgedAt: null,
    acknowledgedBy: null,
    assignee: null,
    snoozedUntil: null,
    version: 1,
    ...patch,
  };
}
