"use client";
// The board page's interactive half: one ops store for this page (with the server's stall limits),
// the live session feeding it, and the layout — connection banner and KPI strip on top, the trade
// board in the main column, crypto feeds and diagnostics on the right. The board's summary changes
// up to ten times a second; the banner, feeds and Diagnostics read the store themselves and are
// memoized, so only the KPI strip and the board re-render with it.
import { useRef } from "react";
import { ConnectionBanner } from "@/components/connection-banner/connection-banner";
import { ExposurePanel } from "@/components/exposure/exposure-panel";
import { DiagnosticsPanel } from "@/components/diagnostics/diagnostics-panel";
import { FundingFeed } from "@/components/funding-feed/funding-feed";
import { KpiStrip } from "@/components/money/kpi-strip";
import type { StallRuleRow } from "@/components/trade-board/stall-rules-panel";
import { TradeBoard } from "@/components/trade-board/trade-board";
import { TrendsRegion } from "@/components/trends/trends-region";
import { useBoardParams } from "@/components/trade-board/use-board-params";
import { useBoardSummary } from "@/components/trade-board/use-board-summary";
import { PAINT_ISOLATED } from "@/components/ui/paint-isolated";
import { useFillViewport } from "@/components/ui/use-fill-viewport";
import type { BoardMode } from "@/components/wallboard/board-mode";
import { WallBoard } from "@/components/wallboard/wall-board";
import { useLiveSession } from "@/lib/live/use-live-session";
import { countCardView } from "@/lib/trades/board-params";
import { OpsStoreProvider } from "@/lib/store/ops-store-provider";
import type { StallLimits } from "@/lib/trades/stall-rules";

interface BoardClientProps {
  stallLimits: Partial<StallLimits>;
  stallRules: readonly StallRuleRow[];
  initialQuery: string;
  mode: BoardMode;
}

export function BoardClient({ stallLimits, stallRules, initialQuery, mode }: BoardClientProps) {
  return (
    <OpsStoreProvider options={{ stallLimits }}>
      {mode === "wall" ? <WallPage /> : <BoardPage stallRules={stallRules} initialQuery={initialQuery} />}
    </OpsStoreProvider>
  );
}

/** The TV's view: the same live session and store, only the wallboard on screen. */
function WallPage() {
  useLiveSession();
  return <WallBoard />;
}

function BoardPage({ stallRules, initialQuery }: { stallRules: readonly StallRuleRow[]; initialQuery: string }) {
  const resyncNow = useLiveSession();
  const [params, update] = useBoardParams(initialQuery);
  const summary = useBoardSummary(params);
  const mainRef = useRef<HTMLElement>(null);
  useFillViewport(mainRef);
  return (
    // From lg up it fills the window below the shell's header and the table and feeds scroll inside;
    // narrower, the panes stack and the page scrolls.
    <main ref={mainRef} className="flex flex-col gap-2 px-3 py-2 lg:h-[calc(100dvh-55px)] lg:min-h-[36rem]">
      <div className={`flex items-center gap-3 ${PAINT_ISOLATED}`}>
        <ConnectionBanner />
      </div>
      <KpiStrip summary={summary} onShow={(card) => update((p) => countCardView(card, p))} />
      <ExposurePanel update={update} stallRules={stallRules} />
      <TrendsRegion />
      <div className="flex min-h-0 flex-1 flex-col gap-2 lg:flex-row">
        <TradeBoard params={params} update={update} summary={summary} stallRules={stallRules} />
        <aside aria-label="Funding and diagnostics" className="flex min-h-0 w-full flex-col gap-2 lg:w-[19rem] lg:shrink-0 lg:overflow-y-auto 2xl:w-[24rem]">
          <FundingFeed kind="deposit" title="Crypto deposits" />
          <FundingFeed kind="withdrawal" title="Crypto withdrawals" />
          <DiagnosticsPanel onResync={resyncNow} />
        </aside>
      </div>
    </main>
  );
}
