// The Game group: All / CS2 / Rust, each with how many trades it would show within the other active
// filters (see lib/trades/board-summary.ts); "All" is every game's count together.
import type { TradeFacets } from "@/lib/trades/board-summary";
import type { GameFilter as GameChoice } from "@/lib/trades/trade-filter";
import { FilterChip } from "./filter-chip";

interface GameFilterProps {
  value: GameChoice;
  facets: TradeFacets;
  onChange: (game: GameChoice) => void;
}

export function GameFilter({ value, facets, onChange }: GameFilterProps) {
  return (
    <div role="group" aria-label="Game" className="flex items-center gap-1">
      <FilterChip label="All" count={facets.games.cs2 + facets.games.rust + facets.games.other} pressed={value === "all"} onToggle={() => onChange("all")} title="Every game" />
      <FilterChip label="CS2" count={facets.games.cs2} pressed={value === "cs2"} onToggle={() => onChange("cs2")} title="Counter-Strike 2 (app 730)" />
      <FilterChip label="Rust" count={facets.games.rust} pressed={value === "rust"} onToggle={() => onChange("rust")} title="Rust (app 252490)" />
    </div>
  );
}
