"use client";
// Money and risk at a glance: balance, value in hold per game, stalled (prominent), in flight. Each
// count card is a button to the trades behind it (lib/trades/board-params countCardView).
// Per-status counts are the status filter chips in the toolbar, so they are not repeated here.
// Stalled and In flight carry a sparkline of the last 24 hours from the recorded history (trades that
// became stalled, trades started; components/trends), decorative beside the live figure.
import { useMemo } from "react";
import { EACH_CHILD_PAINT_ISOLATED } from "@/components/ui/paint-isolated";
import { WarningIcon } from "@/components/ui/warning-icon";
import { Sparkline } from "@/components/trends/sparkline";
import { useTrends } from "@/components/trends/use-trends";
import type { CountCard } from "@/lib/trades/board-params";
import type { BoardSummary } from "@/lib/trades/board-summary";
import { formatUsd } from "@/lib/trades/format";
import { type TrendCount, type TrendsAnswer } from "@/lib/trades/trends";
import { BalanceCard } from "./balance-card";
import { StatCard } from "./stat-card";
import { UNVERIFIED_TITLE, stalledCardDetail } from "./stalled-card-text";

const COUNT = new Intl.NumberFormat("en-US");

const trades = (n: number) => `${COUNT.format(n)} ${n === 1 ? "trade" : "trades"}`;

/** One measure per bucket, every game together. */
function allGames(answer: TrendsAnswer | null, measure: TrendCount): number[] {
  if (!answer) return [];
  return Array.from({ length: answer.buckets }, (_, i) => answer.games.reduce((total, game) => total + (game[measure][i] ?? 0), 0));
}

export function KpiStrip({ summary, onShow }: { summary: BoardSummary; onShow: (card: CountCard) => void }) {
  const { inHoldUsd, inHoldCount, facets, inFlight, unverified, stalled } = summary;
  const { answer } = useTrends("24h");
  const stalledLine = useMemo(() => allGames(answer, "stalled"), [answer]);
  const startedLine = useMemo(() => allGames(answer, "started"), [answer]);
  // Each card on its own paint layer: the counts change with every summary pass.
  return (
    <div role="group" aria-label="Money and trades at a glance" className={`grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-6 ${EACH_CHILD_PAINT_ISOLATED}`}>
      <BalanceCard />
      <StatCard
        label="In hold · CS2"
        value={formatUsd(inHoldUsd.cs2)}
        detail={`${COUNT.format(inHoldCount.cs2)} trades in Steam protection`}
        title="Total value of CS2 trades in hold or escrow on this board"
        show={{ label: `Show the ${trades(inHoldCount.cs2)} in hold · CS2`, onClick: () => onShow("in-hold-cs2") }}
      />
      <StatCard
        label="In hold · Rust"
        value={formatUsd(inHoldUsd.rust)}
        detail={`${COUNT.format(inHoldCount.rust)} trades`}
        title="Total value of Rust trades in hold or escrow on this board (Rust normally has no hold)"
        show={{ label: `Show the ${trades(inHoldCount.rust)} in hold · Rust`, onClick: () => onShow("in-hold-rust") }}
      />
      <StatCard
        label="Stalled trades"
        tone={stalled > 0 ? "warning" : "default"}
        value={
          <span className="inline-flex items-center gap-1.5" data-testid="stalled-count">
            {stalled > 0 ? <WarningIcon className="h-4 w-4 text-amber-400" /> : null}
            {COUNT.format(stalled)}
          </span>
        }
        detail={<span title={unverified > 0 ? UNVERIFIED_TITLE : undefined}>{stalledCardDetail(stalled, unverified)}</span>}
        sparkline={<Sparkline values={stalledLine} title="Trades that became stalled, per 15 minutes over the last 24 hours" className="text-amber-400" />}
        // Not "stalled" in the name: the toolbar's control named Stalled must stay the only one a person
        // (or a test) finds by that word.
        show={{ label: `Show the ${trades(stalled)} past their stall limits, longest first`, onClick: () => onShow("stalled") }}
      />
      <StatCard
        label="In flight"
        value={COUNT.format(inFlight)}
        detail={`of ${COUNT.format(facets.total)} trades held`}
        title="Trades not in a final status (unknown statuses count as in flight)"
        sparkline={<Sparkline values={startedLine} title="Trades started, per 15 minutes over the last 24 hours" className="text-sky-400" />}
        show={{ label: `Show the ${trades(inFlight)} in flight`, onClick: () => onShow("in-flight") }}
      />
    </div>
  );
}
