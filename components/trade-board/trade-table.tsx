"use client";
// The trade table named "Trades": a div-based ARIA table (header row + virtualized body) so rows can
// be positioned by the virtualizer while screen readers still get rows, cells and column headers.
// The pointer resting anywhere on it (rows, header, the "Show N updates" pill) pauses it (use-live-pause.ts).
import { type ReactNode, useRef } from "react";
import { PAINT_ISOLATED } from "@/components/ui/paint-isolated";
import type { TradeSortKey } from "@/lib/trades/trade-sort";
import { PendingUpdatesPill } from "./pending-updates-pill";
import { PHONE_COLUMNS } from "./columns";
import { TableHeader } from "./table-header";
import { TradeRows } from "./trade-rows";

interface TradeTableProps {
  ids: readonly string[];
  sort: TradeSortKey;
  onSort: (sort: TradeSortKey) => void;
  onOpen: (id: string) => void;
  empty: ReactNode;
  flashes: ReadonlyMap<string, number>;
  pending: number;
  onShowPending: () => void;
  onPointerOn: (on: boolean) => void;
  onScrolled: (scrolled: boolean) => void;
  onTogglePause: () => void;
}

/** The columns' own minimum (GRID_TEMPLATE, gaps and padding); a phone shows fewer (PHONE_COLUMNS). */
const TABLE_MIN_WIDTH = "sm:min-w-[58rem]";

export function TradeTable({ ids, sort, onSort, onOpen, empty, flashes, pending, onShowPending, onPointerOn, onScrolled, onTogglePause }: TradeTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  return (
    // Narrower than its columns need (a laptop with the side panel), the table scrolls
    // sideways as a whole, header and rows together, rather than clipping the Age and Flag columns.
    <div className="relative flex min-h-0 flex-1 flex-col" onPointerEnter={() => onPointerOn(true)} onPointerLeave={() => onPointerOn(false)}>
      <div role="table" aria-label="Trades" aria-rowcount={ids.length + 1} className={`flex min-h-0 flex-1 flex-col overflow-x-auto ${PHONE_COLUMNS} ${PAINT_ISOLATED}`}>
        <div role="rowgroup" className={TABLE_MIN_WIDTH}>
          <TableHeader sort={sort} onSort={onSort} />
        </div>
        <div role="rowgroup" ref={scrollRef} className={`relative min-h-0 flex-1 overflow-y-auto overflow-x-hidden [overflow-anchor:none] ${TABLE_MIN_WIDTH}`}>
          <TradeRows ids={ids} onOpen={onOpen} scrollRef={scrollRef} flashes={flashes} onScrolled={onScrolled} onTogglePause={onTogglePause} />
          {ids.length === 0 ? <div className="absolute inset-x-0 top-10 px-6 text-center text-sm text-slate-400">{empty}</div> : null}
        </div>
      </div>
      <PendingUpdatesPill pending={pending} onShow={onShowPending} />
    </div>
  );
}
