"use client";
// The board's two alerts views: "Needs attention" (trades with an open, not snoozed alert) and
// "Assigned to me". Chips like Stalled: the name carries the count.
import { useAlertTradeIds } from "@/components/alerts/use-alert-trade-ids";
import { FilterChip } from "./filter-chip";

interface AlertViewTogglesProps {
  attention: boolean;
  mine: boolean;
  onToggleAttention: () => void;
  onToggleMine: () => void;
}

export function AlertViewToggles({ attention, mine, onToggleAttention, onToggleMine }: AlertViewTogglesProps) {
  const ids = useAlertTradeIds();
  return (
    <>
      <FilterChip
        label="Needs attention"
        count={ids.attention.size}
        pressed={attention}
        onToggle={onToggleAttention}
        tone="warning"
        title="Only trades with an open alert nobody acknowledged or snoozed"
      />
      <FilterChip label="Assigned to me" count={ids.mine.size} pressed={mine} onToggle={onToggleMine} title="Only trades assigned to you" />
    </>
  );
}
