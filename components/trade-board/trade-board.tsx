"use client";
// The trade board: toolbar (filters with counts, search, matching count), the virtualized table and
// the detail drawer. View state is in the URL (use-board-params); the list comes from one pass over
// the store (use-board-summary), which the KPI strip shares through `summary`. The table can be paused
// (use-live-pause): it then shows a frozen view while the summary, and so every count, stays live.
import { useCallback, useEffect, useMemo, useState } from "react";
import { useAlertsContext } from "@/components/alerts/alerts-context";
import { ShortcutsDialog } from "@/components/keyboard/shortcuts-dialog";
import { useBoardKeys } from "@/components/keyboard/use-board-keys";
import { type BoardParams, serializeBoardParams } from "@/lib/trades/board-params";
import type { BoardSummary } from "@/lib/trades/board-summary";
import { emptyBoardMessage } from "./empty-message";
import { FrozenRecordsContext } from "./frozen-records-context";
import { PauseControl } from "./pause-control";
import type { StallRuleRow } from "./stall-rules-panel";
import { Toolbar } from "./toolbar";
import { TradeDrawer } from "./trade-drawer";
import { TradeTable } from "./trade-table";
import type { UpdateBoardParams } from "./use-board-params";
import { useLivePause } from "./use-live-pause";

interface TradeBoardProps {
  params: BoardParams;
  update: UpdateBoardParams;
  summary: BoardSummary;
  stallRules: readonly StallRuleRow[];
}

function focusRow(id: string) {
  // After the dialog closes, put focus back on the row (if it is still rendered).
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(`[role="row"][data-trade-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: false });
  });
}

export function TradeBoard({ params, update, summary, stallRules }: TradeBoardProps) {
  const onOpen = useCallback((id: string) => update((p) => ({ ...p, trade: id })), [update]);
  // An alert clicked in the header (or its desktop notification) opens the trade here.
  const alerts = useAlertsContext();
  useEffect(() => alerts?.onOpenTrade(onOpen), [alerts, onOpen]);
  const onSort = useCallback((sort: BoardParams["sort"]) => update((p) => ({ ...p, sort })), [update]);
  const openId = params.trade;
  const onClose = useCallback(() => {
    update((p) => ({ ...p, trade: null }));
    if (openId !== null) focusRow(openId);
  }, [update, openId]);

  const viewKey = useMemo(() => serializeBoardParams({ ...params, trade: null }), [params]);
  const live = useLivePause(summary, viewKey, openId !== null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const stalledView = useCallback(() => update((p) => ({ ...p, stalledOnly: true })), [update]);
  useBoardKeys({ showShortcuts: () => setShortcutsOpen(true), stalledView });

  const emptyMessage = emptyBoardMessage(params, summary.facets.total);
  const empty = emptyMessage === null ? null : <p>{emptyMessage}</p>;

  return (
    <section aria-label="Trade board" className="flex h-[85dvh] min-h-0 min-w-0 flex-none flex-col rounded-lg lg:h-auto lg:flex-1 border border-slate-800 bg-slate-900/40">
      <Toolbar
        params={params}
        update={update}
        facets={summary.facets}
        matching={summary.ids.length}
        ids={live.ids}
        stallRules={stallRules}
        pause={<PauseControl explicit={live.explicit} reason={live.reason} onToggle={live.togglePause} />}
      />
      <FrozenRecordsContext.Provider value={live.frozenRecords}>
        <TradeTable
          ids={live.ids}
          sort={params.sort}
          onSort={onSort}
          onOpen={onOpen}
          empty={empty}
          flashes={live.flashes}
          pending={live.pending}
          onShowPending={live.release}
          onPointerOn={live.setPointerOn}
          onScrolled={live.setScrolled}
          onTogglePause={live.togglePause}
        />
      </FrozenRecordsContext.Provider>
      <TradeDrawer id={openId} onClose={onClose} />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </section>
  );
}
