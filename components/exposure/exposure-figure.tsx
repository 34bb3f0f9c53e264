// One Exposure figure: a button (label, the figure, a line of context) that opens the trades behind
// it on the board, and optionally a row of smaller buttons splitting it (reversals by cause). Buttons
// side by side, never nested. Looks like the count cards above it (components/money/stat-card.tsx).
import type { ReactNode } from "react";

export interface FigureSplit {
  label: string;
  text: string;
  /** Accessible name: "Show the 2 reversals today by the user". */
  showLabel: string;
  onShow: () => void;
}

interface ExposureFigureProps {
  label: string;
  figure: ReactNode;
  detail: string;
  showLabel: string;
  onShow: () => void;
  title: string;
  splits?: readonly FigureSplit[];
  tone?: "default" | "warning";
}

const FOCUS = "focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400";

export function ExposureFigure({ label, figure, detail, showLabel, onShow, title, splits, tone = "default" }: ExposureFigureProps) {
  const look = tone === "warning" ? "border-amber-500/70 bg-amber-500/10" : "border-slate-800 bg-slate-900/60";
  return (
    <div className={`flex min-w-0 flex-col rounded-lg border ${look}`}>
      <button type="button" aria-label={showLabel} title={title} onClick={onShow} className={`min-w-0 rounded-lg px-3 pt-1.5 text-left hover:bg-slate-800/60 ${splits ? "" : "pb-1.5"} ${FOCUS}`}>
        <div className="truncate text-xs font-semibold uppercase tracking-wide text-slate-400">{label}</div>
        <div className="flex items-baseline gap-2">
          {/* The figure is never cut short (a truncated amount reads as a different amount); its detail gives way. */}
          <span className="shrink-0 whitespace-nowrap text-base font-semibold leading-6 tabular-nums text-white">{figure}</span>
          <span className="truncate text-xs text-slate-400">{detail}</span>
        </div>
      </button>
      {splits ? (
        <div className="flex min-w-0 gap-1 px-2 pb-1">
          {splits.map((s) => (
            <button
              key={s.label}
              type="button"
              aria-label={s.showLabel}
              title={s.showLabel}
              onClick={s.onShow}
              className={`min-w-0 truncate rounded px-1 text-xs text-sky-300 hover:underline underline-offset-2 ${FOCUS}`}
            >
              {s.label} <span className="tabular-nums">{s.text}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
