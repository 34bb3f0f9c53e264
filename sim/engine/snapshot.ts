// Ground truth as `/__sim/state` shows it: counts over everything the engine holds, and the trades and
// fundings a filter picks. A read only.

import type { GroundTruth } from "./ground-truth";
import { TERMINAL_TRADE_STATUSES, type Funding, type Game, type Trade, type TradeType } from "./wire";

export interface SnapshotFilter {
  game?: Game;
  statuses?: ReadonlySet<string>;
  /** Trade ids or externalIds; funding ids. Applies to trades and fundings. */
  ids?: ReadonlySet<string>;
  type?: TradeType;
  /** Only the newest N matching trades (creation order). */
  limit?: number;
}

/** Counts always cover everything; lists honour the filter. `rate`: new trades per second, as now set. */
export function snapshotOf(truth: GroundTruth, rate: number, filter: SnapshotFilter = {}) {
  let trades: Trade[] = [];
  const byStatus: Record<string, number> = {};
  const byGame: Record<string, number> = {};
  const bySource: Record<string, number> = {};
  let stalled = 0;
  for (const record of truth.trades.records.values()) {
    const t = record.current;
    byStatus[t.status] = (byStatus[t.status] ?? 0) + 1;
    byGame[t.game] = (byGame[t.game] ?? 0) + 1;
    bySource[t.source] = (bySource[t.source] ?? 0) + 1;
    if (!record.next && !TERMINAL_TRADE_STATUSES.has(t.status)) stalled++;
    if (filter.game && t.game !== filter.game) continue;
    if (filter.type && t.type !== filter.type) continue;
    if (filter.statuses && !filter.statuses.has(t.status)) continue;
    if (filter.ids && !filter.ids.has(t.id) && !(t.externalId && filter.ids.has(t.externalId))) continue;
    trades.push(t);
  }
  if (filter.limit !== undefined && trades.length > filter.limit) trades = trades.slice(trades.length - filter.limit);
  const deposits: Funding[] = [];
  const withdrawals: Funding[] = [];
  let depositCount = 0;
  for (const record of truth.fundings.records.values()) {
    if (record.kind === "deposit") depositCount++;
    if (filter.ids && !filter.ids.has(record.current.id)) continue;
    (record.kind === "deposit" ? deposits : withdrawals).push(record.current);
  }
  return {
    merchantId: truth.merchantId,
    paused: truth.paused,
    rate,
    speed: truth.speed,
    seed: truth.seed,
    trades,
    /** Listed trades that will never advance on their own (stalled by scenario or by the control API). */
    stalledIds: trades.filter((t) => truth.isStalled(t.id)).map((t) => t.id),
    deposits,
    withdrawals,
    counts: {
      trades: truth.trades.size,
      byStatus,
      byGame,
      bySource,
      stalled,
      deposits: depositCount,
      withdrawals: truth.fundings.size - depositCount,
      emitted: truth.emitted,
      suppressed: truth.suppressed,
      evictedTrades: truth.trades.evicted,
      scheduled: truth.scheduled,
    },
  };
}
