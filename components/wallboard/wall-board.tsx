"use client";
// The wallboard (`?mode=wall`): a TV's view of the board for a room — the connection, big counts and
// the stalled trades longest first — with no header, filters, table or drawer. It covers the page's
// frame (fixed, full screen) and never takes input, so there is nothing to click on a TV; the frame it
// covers is made inert, so Tab cannot reach the hidden header either.
import { useRef } from "react";
import { ConnectionBanner } from "@/components/connection-banner/connection-banner";
import { useBoardSummary } from "@/components/trade-board/use-board-summary";
import { useInertOutside } from "@/components/ui/use-inert-outside";
import { DEFAULT_BOARD_PARAMS, type BoardParams } from "@/lib/trades/board-params";
import { WallFigure } from "./wall-figure";
import { WallStalledRow } from "./wall-stalled-row";

/** Stalled trades only, longest in their status first. */
const STALLED_VIEW: BoardParams = { ...DEFAULT_BOARD_PARAMS, stalledOnly: true, sort: "age" };
/** As many rows as fit a 1080p screen under the counts. */
const LISTED = 12;

export function WallBoard() {
  const ref = useRef<HTMLElement>(null);
  useInertOutside(ref);
  const summary = useBoardSummary(STALLED_VIEW);
  const { facets } = summary;
  const shown = summary.ids.slice(0, LISTED);
  const more = summary.ids.length - shown.length;
  return (
    <main ref={ref} aria-label="Wallboard" className="fixed inset-0 z-50 flex flex-col gap-6 overflow-hidden bg-slate-950 p-8 text-slate-100">
      <div className="flex items-center justify-between gap-6">
        <h1 className="text-4xl font-bold tracking-tight">AssetPay Ops</h1>
        <div className="min-w-0 [zoom:1.75]">
          <ConnectionBanner />
        </div>
      </div>
      <div role="group" aria-label="Counts" className="grid grid-cols-4 gap-6">
        <WallFigure label="Stalled" value={facets.stalled} warning testId="wall-stalled-count" />
        <WallFigure label="In flight" value={summary.inFlight} />
        <WallFigure label="On hold" value={facets.statuses.hold + facets.statuses.escrow} />
        <WallFigure label="Failed" value={facets.statuses.failed} />
      </div>
      <section aria-labelledby="wall-stalled-title" className="flex min-h-0 flex-1 flex-col">
        <h2 id="wall-stalled-title" className="mb-2 text-3xl font-semibold text-amber-200">
          Stalled trades, longest first
        </h2>
        {shown.length === 0 ? (
          <p className="text-4xl text-slate-300">No stalled trades.</p>
        ) : (
          <ol className="min-h-0 overflow-hidden">
            {shown.map((id) => (
              <WallStalledRow key={id} id={id} />
            ))}
          </ol>
        )}
        {more > 0 ? <p className="mt-3 text-2xl text-slate-400">and {more} more</p> : null}
      </section>
    </main>
  );
}
