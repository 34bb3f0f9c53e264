// Deposit / Withdraw toggles with counts; none pressed means both.
import type { TradeFacets } from "@/lib/trades/board-summary";
import type { TradeType } from "@/lib/trades/types";
import { FilterChip } from "./filter-chip";
import { TYPE_LABEL } from "./trade-labels";

interface TypeFilterProps {
  value: readonly TradeType[];
  facets: TradeFacets;
  onToggle: (type: TradeType) => void;
}

const TYPES: readonly TradeType[] = ["deposit", "withdraw"];

export function TypeFilter({ value, facets, onToggle }: TypeFilterProps) {
  return (
    <div role="group" aria-label="Type" className="flex items-center gap-1">
      {TYPES.map((type) => (
        <FilterChip key={type} label={TYPE_LABEL[type]} count={facets.types[type]} pressed={value.includes(type)} onToggle={() => onToggle(type)} />
      ))}
    </div>
  );
}
