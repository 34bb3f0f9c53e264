// Per-status counts that are themselves the status filter. The lifecycle statuses are always listed;
// legacy and unknown ones appear when the board holds any (or one is selected).
import type { TradeFacets } from "@/lib/trades/board-summary";
import { TRADE_STATUS_INFO } from "@/lib/trades/status-classes";
import type { TradeStatus } from "@/lib/trades/types";
import { FilterChip } from "./filter-chip";

interface StatusFilterProps {
  value: readonly TradeStatus[];
  facets: TradeFacets;
  onToggle: (status: TradeStatus) => void;
}

const ALWAYS: readonly TradeStatus[] = ["initiated", "pending", "active", "hold", "completed", "canceled", "declined", "failed", "reverted"];
const WHEN_PRESENT: readonly TradeStatus[] = ["escrow", "partial", "unknown"];

export function StatusFilter({ value, facets, onToggle }: StatusFilterProps) {
  const shown = [...ALWAYS, ...WHEN_PRESENT.filter((s) => facets.statuses[s] > 0 || value.includes(s))];
  return (
    // One line that scrolls sideways when narrow, rather than wrapping and pushing the table down as counts grow.
    <div role="group" aria-label="Status" className="-my-0.5 flex min-w-0 items-center gap-1 overflow-x-auto py-0.5">
      {shown.map((status) => (
        <FilterChip
          key={status}
          label={TRADE_STATUS_INFO[status].label}
          count={facets.statuses[status]}
          pressed={value.includes(status)}
          onToggle={() => onToggle(status)}
          title={`${status}: ${TRADE_STATUS_INFO[status].meaning}`}
        />
      ))}
    </div>
  );
}
