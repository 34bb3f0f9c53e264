// The Stalled control: shows only trades past their stall limit. Amber with an icon when any exist.
import { WarningIcon } from "@/components/ui/warning-icon";
import { FilterChip } from "./filter-chip";

interface StalledToggleProps {
  pressed: boolean;
  count: number;
  onToggle: () => void;
}

export function StalledToggle({ pressed, count, onToggle }: StalledToggleProps) {
  return (
    <FilterChip
      label="Stalled"
      count={count}
      pressed={pressed}
      onToggle={onToggle}
      tone="warning"
      icon={<WarningIcon className="h-3 w-3" />}
      title="Only trades in their status longer than the stall rules allow"
    />
  );
}
