// Column headers of the trade table. Time, Total and In status are sort buttons (aria-sort says which).
import type { TradeSortKey } from "@/lib/trades/trade-sort";
import { GRID_TEMPLATE } from "./columns";

interface TableHeaderProps {
  sort: TradeSortKey;
  onSort: (sort: TradeSortKey) => void;
}

function SortHeader({ label, sortKey, current, onSort, hint, align = "left" }: {
  label: string;
  sortKey: TradeSortKey;
  current: TradeSortKey;
  onSort: (sort: TradeSortKey) => void;
  hint: string;
  align?: "left" | "right";
}) {
  const active = current === sortKey;
  return (
    <div role="columnheader" aria-sort={active ? (sortKey === "age" ? "ascending" : "descending") : "none"} className={align === "right" ? "text-right" : ""}>
      <button
        type="button"
        title={hint}
        onClick={() => onSort(active && sortKey !== "activity" ? "activity" : sortKey)}
        className={`inline-flex items-center gap-0.5 whitespace-nowrap rounded uppercase tracking-wide hover:text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 ${active ? "text-sky-200" : ""}`}
      >
        {label}
        {/* An SVG, not "▾": symbol glyphs are missing from many systems' fonts. */}
        <svg viewBox="0 0 10 10" aria-hidden="true" className={`h-2.5 w-2.5 ${active ? "" : "opacity-30"}`} fill="currentColor">
          <path d="M1.5 3.5h7L5 7.5Z" />
        </svg>
      </button>
    </div>
  );
}

export function TableHeader({ sort, onSort }: TableHeaderProps) {
  const plain = "truncate whitespace-nowrap uppercase tracking-wide";
  return (
    <div
      role="row"
      aria-rowindex={1}
      className="grid items-center gap-x-1.5 border-b border-slate-800 bg-slate-900/80 px-3 py-1.5 text-xs font-semibold text-slate-400"
      style={{ gridTemplateColumns: GRID_TEMPLATE }}
    >
      <SortHeader label="Time" sortKey="activity" current={sort} onSort={onSort} hint="Newest activity first" />
      <div role="columnheader" className={plain}>Type</div>
      <div role="columnheader" className={plain}>Game</div>
      <div role="columnheader" className={plain}>Status</div>
      <div role="columnheader" className={plain}>User</div>
      <div role="columnheader" className={plain}>Items</div>
      <SortHeader label="Total" sortKey="value" current={sort} onSort={onSort} hint="Highest value first" align="right" />
      <div role="columnheader" className={plain}>Offer</div>
      <SortHeader label="Age" sortKey="age" current={sort} onSort={onSort} hint="Age in current status; sort: longest first" />
      <div role="columnheader" className={plain}>Flag</div>
    </div>
  );
}
