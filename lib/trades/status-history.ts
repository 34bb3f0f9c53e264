// A trade's status history put in order: the one rule for the browser store (merging what it observed
// with what the recorder recorded) and the recorder's reads (history rows that arrived out of order).
// Pure; the store applies its own length cap on top.
import { STATUS_RANK } from "./status-rank";
import type { TradeStatus } from "./types";

/** What ordering needs of a status change; the store keeps observedAt in ms, the recorder as ISO. */
export interface StatusHistoryEntry {
  status: TradeStatus;
  /** The trade's updatedAt for the version that carried this status (AssetPay's clock). */
  at: string;
  /** When we first saw it (our clock). */
  observedAt: number | string;
}

function ms(iso: string): number {
  const value = Date.parse(iso);
  return Number.isFinite(value) ? value : 0;
}

function observedMs(entry: StatusHistoryEntry): number {
  return typeof entry.observedAt === "number" ? entry.observedAt : ms(entry.observedAt);
}

/**
 * Oldest first by AssetPay time (lifecycle order on ties, then earliest sighting), consecutive repeats
 * of a status collapsed to the first: a status seen twice, or the same change from two sources, is
 * kept once with its earliest sighting. Returns new arrays; the entries themselves are not copied.
 */
export function collapseStatusHistory<Entry extends StatusHistoryEntry>(changes: readonly Entry[]): Entry[] {
  const sorted = [...changes].sort(
    (a, b) => ms(a.at) - ms(b.at) || STATUS_RANK[a.status] - STATUS_RANK[b.status] || observedMs(a) - observedMs(b),
  );
  const out: Entry[] = [];
  for (const change of sorted) {
    if (out[out.length - 1]?.status !== change.status) out.push(change);
  }
  return out;
}
