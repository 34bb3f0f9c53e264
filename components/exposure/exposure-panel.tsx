"use client";
// The board's Exposure region, under the count cards: money in Steam's protection window, the instant
// credit a reversal would cost, what reversals cost today and over 7 days (by who reverted), and crypto
// withdrawals stuck awaiting approval. Figures from the browser's store (lib/trades/exposure); each
// trade figure is a button to its trades on the board (lib/trades/board-params exposureView), so the
// Trades table's count then equals the figure. Days are the board's time zone (use-exposure-window).
import type { StallRuleRow } from "@/components/trade-board/stall-rules-panel";
import type { UpdateBoardParams } from "@/components/trade-board/use-board-params";
import { DEFAULT_FUNDING_STUCK_MS } from "@/lib/trades/alert-rules";
import { exposureView } from "@/lib/trades/board-params";
import type { ExposureSelection, MoneyCount, ReversalCause, ReversalFigures } from "@/lib/trades/exposure";
import { formatUsd } from "@/lib/trades/format";
import type { GameFilter } from "@/lib/trades/trade-filter";
import { ExposureFigure, type FigureSplit } from "./exposure-figure";
import { ReleaseDayTable } from "./release-day-table";
import { StuckWithdrawalsLink } from "./stuck-withdrawals-link";
import { useExposureSummary } from "./use-exposure-summary";
import { useExposureWindow } from "./use-exposure-window";

const COUNT = new Intl.NumberFormat("en-US");
const usd = (m: MoneyCount) => formatUsd(m.cents / 100);
const plural = (n: number, one: string, many: string) => `${COUNT.format(n)} ${n === 1 ? one : many}`;

interface ExposurePanelProps {
  update: UpdateBoardParams;
  /** The board's rule rows: the funding alert's limit ("fundingStuck") comes from the server there. */
  stallRules: readonly StallRuleRow[];
}

export function ExposurePanel({ update, stallRules }: ExposurePanelProps) {
  const window = useExposureWindow();
  const s = useExposureSummary(window);
  const show = (selection: ExposureSelection, game: GameFilter = "all") => update((p) => exposureView(selection, game, p));
  const figure = (kind: ExposureSelection["kind"], revertedBy: ReversalCause | null = null) => () => show({ kind, release: null, revertedBy });
  const stuckRule = stallRules.find((r) => r.key === "fundingStuck");
  const stuckMs = stuckRule !== undefined && "limitMs" in stuckRule ? stuckRule.limitMs : DEFAULT_FUNDING_STUCK_MS;

  const reversalSplits = (r: ReversalFigures, kind: "reversed-today" | "reversed-7d", when: string): FigureSplit[] =>
    (["user", "supplier"] as const).map((cause) => ({
      label: cause === "user" ? "User" : "Supplier",
      text: COUNT.format(r[cause].count),
      showLabel: `Show the ${plural(r[cause].count, "trade", "trades")} reverted ${when} by the ${cause} (${usd(r[cause])})`,
      onShow: figure(kind, cause),
    }));

  return (
    // One row: on a phone it scrolls sideways rather than pushing the trades table down the page.
    <section aria-label="Exposure" className="flex items-stretch gap-2 overflow-x-auto *:min-w-[10.5rem] *:flex-1 lg:overflow-x-visible lg:*:min-w-0">
      <ExposureFigure
        label="In hold"
        figure={<span data-testid="hold-value">{usd(s.hold)}</span>}
        detail={plural(s.hold.count, "deposit", "deposits")}
        title="Value of deposits in hold: Steam's protection window, not final until it ends"
        showLabel={`Show the ${plural(s.hold.count, "deposit", "deposits")} in hold`}
        onShow={figure("hold")}
      />
      <ExposureFigure
        label="Pre-credit at risk"
        figure={<span data-testid="precredit-at-risk">{usd(s.preCredit)}</span>}
        detail={`${COUNT.format(s.preCredit.count)} instant`}
        title="Credit already given on instant deposits still in hold: what reversals would cost"
        showLabel={`Show the ${plural(s.preCredit.count, "instant deposit", "instant deposits")} with pre-credit at risk`}
        onShow={figure("precredit")}
      />
      <ExposureFigure
        label="Reversals today"
        tone={s.reversedToday.all.count > 0 ? "warning" : "default"}
        figure={<span data-testid="reversals-today">{COUNT.format(s.reversedToday.all.count)}</span>}
        detail={usd(s.reversedToday.all)}
        title="Trades that became reverted since midnight (board time zone), by AssetPay's updatedAt"
        showLabel={`Show the ${plural(s.reversedToday.all.count, "reversal", "reversals")} today`}
        onShow={figure("reversed-today")}
        splits={reversalSplits(s.reversedToday, "reversed-today", "today")}
      />
      <ExposureFigure
        label="Reversals in 7 days"
        figure={<span data-testid="reversals-7d">{COUNT.format(s.reversed7d.all.count)}</span>}
        detail={usd(s.reversed7d.all)}
        title="Trades that became reverted today or in the six days before (board time zone)"
        showLabel={`Show the ${plural(s.reversed7d.all.count, "reversal", "reversals")} in 7 days`}
        onShow={figure("reversed-7d")}
        splits={reversalSplits(s.reversed7d, "reversed-7d", "in the last 7 days")}
      />
      <StuckWithdrawalsLink stuckMs={stuckMs} />
      <ReleaseDayTable rows={s.holdByRelease} window={window} onShow={show} />
    </section>
  );
}
