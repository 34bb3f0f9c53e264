"use client";
// The toolbar's sign that the board shows one Exposure figure's trades, and the way out: the view in
// words and a Clear button that drops only this filter (the others stay, as with the other chips).
import type { UpdateBoardParams } from "@/components/trade-board/use-board-params";
import type { BoardParams } from "@/lib/trades/board-params";
import { exposureViewLabel } from "./exposure-labels";
import { useExposureWindow } from "./use-exposure-window";

export function ExposureFilterChip({ params, update }: { params: BoardParams; update: UpdateBoardParams }) {
  const window = useExposureWindow();
  if (params.exposure === null) return null;
  const text = exposureViewLabel(params.exposure, params.game, window.days);
  return (
    <span role="group" aria-label="Exposure filter" className="inline-flex h-7 shrink-0 items-center gap-1 rounded-md border border-sky-400 bg-sky-400/15 pl-2 text-xs font-medium text-sky-100">
      <span>{text}</span>
      <button
        type="button"
        aria-label={`Clear the exposure filter (${text})`}
        onClick={() => update((p) => ({ ...p, exposure: null }))}
        className="h-full rounded-r-md px-2 text-sky-200 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        Clear
      </button>
    </span>
  );
}
