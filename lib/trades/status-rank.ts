// Lifecycle order of trade statuses. It breaks ties only: between two versions of a trade with the same
// updatedAt (the later step wins, so replays cannot flip-flop), and between status changes recorded at
// the same instant. The browser store and the recorder's database writes both use it, so both islands
// settle a tie the same way; the database also stores it per row (trades.status_rank). Pure data.
import type { TradeStatus } from "./types";

export const STATUS_RANK: Readonly<Record<TradeStatus, number>> = {
  unknown: -1,
  initiated: 0,
  pending: 1,
  active: 2,
  hold: 3,
  escrow: 3,
  completed: 4,
  canceled: 4,
  declined: 4,
  failed: 4,
  partial: 4,
  // completed → reverted is a documented transition, so reverted ranks after completed.
  reverted: 5,
};
