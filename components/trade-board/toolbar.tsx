// The board's toolbar: game, type, Stalled, the alerts views (Needs attention, Assigned to me) and an Exposure
// filter when one is on; then search with the pause, the matching count, the exports, the stall rules and the saved
// views; then the status counts (which are the status filter) on a line of their own.
import type { ReactNode } from "react";
import { ExposureFilterChip } from "@/components/exposure/exposure-filter-chip";
import { SavedViews } from "@/components/saved-views/saved-views";
import { PAINT_ISOLATED } from "@/components/ui/paint-isolated";
import { AlertViewToggles } from "./alert-view-toggles";
import { ExportCsvButton } from "./export-csv-button";
import type { BoardParams } from "@/lib/trades/board-params";
import { clearFilters, hasActiveFilter, toggleIn } from "@/lib/trades/board-params";
import type { TradeFacets } from "@/lib/trades/board-summary";
import { GameFilter } from "./game-filter";
import { SearchBox } from "./search-box";
import { StallRulesPanel, type StallRuleRow } from "./stall-rules-panel";
import { StalledToggle } from "./stalled-toggle";
import { StatusFilter } from "./status-filter";
import { TradeCount } from "./trade-count";
import { TypeFilter } from "./type-filter";
import type { UpdateBoardParams } from "./use-board-params";

interface ToolbarProps {
  params: BoardParams;
  update: UpdateBoardParams;
  facets: TradeFacets;
  matching: number;
  /** The ids of the current view, in display order (what Export CSV writes). */
  ids: readonly string[];
  stallRules: readonly StallRuleRow[];
  /** The live-updates pause control (trade-board.tsx), beside the count. */
  pause?: ReactNode;
}

export function Toolbar({ params, update, facets, matching, ids, stallRules, pause }: ToolbarProps) {
  const filtered = hasActiveFilter(params);
  return (
    <div className={`flex flex-col gap-2 border-b border-slate-800 px-3 py-2 ${PAINT_ISOLATED}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <GameFilter value={params.game} facets={facets} onChange={(game) => update((p) => ({ ...p, game }))} />
        <span aria-hidden="true" className="h-5 w-px bg-slate-800" />
        <TypeFilter value={params.types} facets={facets} onToggle={(type) => update((p) => ({ ...p, types: toggleIn(p.types, type) }))} />
        <span aria-hidden="true" className="h-5 w-px bg-slate-800" />
        <StalledToggle pressed={params.stalledOnly} count={facets.stalled} onToggle={() => update((p) => ({ ...p, stalledOnly: !p.stalledOnly }))} />
        <AlertViewToggles
          attention={params.attention}
          mine={params.mine}
          onToggleAttention={() => update((p) => ({ ...p, attention: !p.attention }))}
          onToggleMine={() => update((p) => ({ ...p, mine: !p.mine }))}
        />
        <ExposureFilterChip params={params} update={update} />
      </div>
      {/* Search with what acts on the view; on a phone the controls wrap under the search rather than run off the edge. */}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <SearchBox value={params.search} onChange={(search) => update((p) => ({ ...p, search }))} />
        <div className="ml-auto flex flex-wrap items-center justify-end gap-2 sm:shrink-0">
          {filtered ? (
            <button
              type="button"
              onClick={() => update(clearFilters)}
              className="text-xs text-sky-300 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
            >
              Clear filters
            </button>
          ) : null}
          {pause}
          <TradeCount matching={matching} total={facets.total} filtered={filtered} />
          <ExportCsvButton ids={ids} params={params} />
          <StallRulesPanel rows={stallRules} />
          <SavedViews params={params} update={update} />
        </div>
      </div>
      {/* The status counts get a line of their own, so every status shows at desktop widths. */}
      <StatusFilter value={params.statuses} facets={facets} onToggle={(status) => update((p) => ({ ...p, statuses: toggleIn(p.statuses, status) }))} />
    </div>
  );
}
