"use client";
// One virtualized row. Takes only an id and selects its own record, so a batch that changes other
// trades does not re-render it; the age and the stall flag tick inside their own small components.
// While the table is paused it shows the record from the pause buffer instead (frozen-records-context).
// A row whose trade just changed on screen is highlighted briefly (a fade; a plain tint, no animation,
// for people who ask for reduced motion).
import { memo, useContext, useEffect, useMemo, useRef } from "react";
import { selectIsStalled, selectTrade, stallOf } from "@/lib/store/selectors";
import { useOpsStore } from "@/lib/store/use-ops-store";
import { formatUsd } from "@/lib/trades/format";
import { isTerminalStatus } from "@/lib/trades/status-classes";
import { AgeInStatus } from "./age-in-status";
import { FrozenRecordsContext } from "./frozen-records-context";
import { FLASH_MS } from "./use-live-pause";
import { GRID_TEMPLATE, ROW_HEIGHT } from "./columns";
import { MissingBadge } from "./missing-badge";
import { RowTime } from "./row-time";
import { StallMarker } from "./stall-marker";
import { StatusBadge } from "./status-badge";
import { TYPE_LABEL, dataGame, dataStatus, gameLabel, itemLabel } from "./trade-labels";
import { ShownText } from "@/components/ui/shown-text";

interface TradeRowProps {
  id: string;
  index: number;
  start: number;
  focusable: boolean;
  /** performance.now() when this trade last changed on screen, if recently. */
  flashAt: number | undefined;
  onOpen: (id: string) => void;
  onFocusRow: (id: string) => void;
}

// A light tint and a bar at the row's edge: a stronger tint took the row's secondary text under 4.5:1
// contrast (axe, e2e/a11y.spec.ts) while it faded.
const FLASH_KEYFRAMES: Keyframe[] = [
  { backgroundColor: "rgb(56 189 248 / 0.1)", boxShadow: "inset 3px 0 0 rgb(56 189 248 / 0.9)" },
  { backgroundColor: "rgb(56 189 248 / 0)", boxShadow: "inset 3px 0 0 rgb(56 189 248 / 0)" },
];

/** Highlights the element for what is left of FLASH_MS since `flashAt`. */
function useFlash(flashAt: number | undefined) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (flashAt === undefined || !element || typeof element.animate !== "function") return;
    const left = FLASH_MS - (performance.now() - flashAt);
    if (left <= 0) return;
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    // Reduced motion: the tint holds, then goes at once (a step, not a fade).
    const animation = element.animate(FLASH_KEYFRAMES, { duration: left, easing: reduced ? "step-end" : "ease-out" });
    return () => animation.cancel();
  }, [flashAt]);
  return ref;
}

export const TradeRow = memo(function TradeRow({ id, index, start, focusable, flashAt, onOpen, onFocusRow }: TradeRowProps) {
  const frozen = useContext(FrozenRecordsContext);
  const record = useOpsStore(useMemo(() => (frozen ? () => frozen.get(id) : selectTrade(id)), [frozen, id]));
  const stalled = useOpsStore(
    useMemo(
      () =>
        frozen
          ? (state: Parameters<typeof stallOf>[0]) => {
              const held = frozen.get(id);
              return held ? stallOf(state, held).stalled : false;
            }
          : selectIsStalled(id),
      [frozen, id],
    ),
  );
  const flashRef = useFlash(flashAt);
  const style = { transform: `translateY(${start}px)`, height: ROW_HEIGHT, gridTemplateColumns: GRID_TEMPLATE };
  if (!record) {
    // Evicted between the list pass and this render; the next pass drops it.
    return <div role="row" aria-rowindex={index + 2} data-trade-id={id} className="absolute inset-x-0 top-0" style={style} />;
  }
  const { trade } = record;
  const terminal = isTerminalStatus(trade.status);
  const missing = record.missing === true;
  const unverified = !record.verified && !terminal && !missing;
  const first = trade.items[0];
  const more = trade.items.length - 1;
  const rowLook = stalled
    ? "border-l-amber-400 bg-amber-400/[0.06]"
    : missing
      ? "border-l-slate-600 bg-slate-900/60"
      : unverified
      ? "border-l-slate-400 border-dashed"
      : "border-l-transparent";
  return (
    <div
      ref={flashRef}
      role="row"
      aria-rowindex={index + 2}
      tabIndex={focusable ? 0 : -1}
      data-trade-id={trade.id}
      data-status={dataStatus(trade)}
      data-game={dataGame(trade)}
      data-stalled={stalled ? "true" : "false"}
      data-missing={missing ? "true" : "false"}
      onClick={() => onOpen(trade.id)}
      onFocus={() => onFocusRow(trade.id)}
      onKeyDown={(event) => {
        // Space is the table's pause key (trade-rows.tsx).
        if (event.key === "Enter") {
          event.preventDefault();
          onOpen(trade.id);
        }
      }}
      className={`absolute inset-x-0 top-0 grid cursor-pointer items-center gap-x-1.5 border-b border-l-2 border-b-slate-800/70 px-3 text-xs hover:bg-slate-800/50 focus:bg-slate-800/70 focus:outline-none focus-visible:ring-1 focus-visible:ring-inset focus-visible:ring-sky-400 ${rowLook} ${terminal || missing ? "text-slate-400" : "text-slate-200"}`}
      style={style}
    >
      <div role="cell" className="tabular-nums text-slate-400">
        <RowTime updatedAtMs={record.updatedAtMs} createdAt={trade.createdAt} />
      </div>
      <div role="cell" className="truncate">
        <span aria-hidden="true" className={trade.type === "deposit" ? "text-emerald-400" : "text-sky-400"}>
          {trade.type === "deposit" ? "↓ " : "↑ "}
        </span>
        {TYPE_LABEL[trade.type]}
      </div>
      <div role="cell" className="truncate font-medium" title={`Steam app ${trade.gameId}`}>
        {gameLabel(trade)}
      </div>
      <div role="cell" className="min-w-0">
        {missing ? <MissingBadge status={trade.status} rawStatus={trade.rawStatus} /> : <StatusBadge status={trade.status} rawStatus={trade.rawStatus} />}
      </div>
      <div role="cell" className="min-w-0 leading-tight">
        <div className="truncate font-mono text-xs" title={`Steam ID ${trade.clientSteamId}`}>
          <ShownText value={trade.clientSteamId} />
        </div>
        {trade.externalClientUserId ? (
          <div className="truncate text-xs text-slate-500" title={`externalClientUserId ${trade.externalClientUserId}`}>
            <ShownText value={trade.externalClientUserId} />
          </div>
        ) : null}
      </div>
      <div role="cell" className="min-w-0 leading-tight">
        <div className="truncate" title={trade.items.map(itemLabel).join("\n")}>
          {first ? itemLabel(first) : <span className="text-slate-500">no items</span>}
        </div>
        {more > 0 ? <div className="text-xs text-slate-500">+{more} more · {trade.items.length} items</div> : null}
      </div>
      <div role="cell" className="text-right font-medium tabular-nums">
        {formatUsd(trade.totalPrice)}
      </div>
      <div role="cell" className="truncate font-mono text-xs text-slate-400" title={trade.offerId ? `Steam offer ${trade.offerId}` : "No offer yet"}>
        {trade.offerId ? <ShownText value={trade.offerId} /> : "—"}
      </div>
      <div role="cell">
        <AgeInStatus enteredMs={record.enteredStatusAtMs} muted={terminal || missing} />
      </div>
      <div role="cell" className="min-w-0">
        <StallMarker id={trade.id} unverified={unverified} />
      </div>
    </div>
  );
});
