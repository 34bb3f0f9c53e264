// One figure in the KPI strip: a label, a big value and a line of context. A count card is a button
// (`show`) that opens the trades behind its figure; its name starts with "Show", so it never competes
// with the toolbar's own controls (the Stalled toggle) for a name.
import type { ReactNode } from "react";

interface StatCardProps {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  tone?: "default" | "warning";
  title?: string;
  testId?: string;
  /** Small text on the label line, right-aligned (e.g. when a figure was fetched). */
  aside?: ReactNode;
  className?: string;
  /** A decorative line beside the value (components/trends/sparkline.tsx); it never changes the name. */
  sparkline?: ReactNode;
  /** Makes the card a button: `label` is its accessible name ("Show the 3 trades in flight"). */
  show?: { label: string; onClick: () => void };
}

export function StatCard({ label, value, detail, tone = "default", title, testId, aside, className = "", sparkline, show }: StatCardProps) {
  const look = tone === "warning" ? "border-amber-500/70 bg-amber-500/10" : "border-slate-800 bg-slate-900/60";
  const body = (
    <>
      <div className="flex items-baseline justify-between gap-2">
        <div className={`truncate text-xs font-semibold uppercase tracking-wide ${tone === "warning" ? "text-amber-200" : "text-slate-400"}`}>{label}</div>
        {aside ? <div className="shrink-0 text-xs text-slate-500">{aside}</div> : null}
      </div>
      <div className="flex min-w-0 items-center justify-between gap-2">
        <div className={`truncate text-lg font-semibold leading-6 tabular-nums ${tone === "warning" ? "text-amber-100" : "text-white"}`}>{value}</div>
        {sparkline}
      </div>
      {detail ? <div className="truncate text-xs text-slate-400">{detail}</div> : null}
    </>
  );
  const frame = `flex min-w-0 flex-col justify-between rounded-lg border px-3 py-2 ${look} ${className}`;
  if (show) {
    return (
      <button
        type="button"
        aria-label={show.label}
        title={title ?? show.label}
        data-testid={testId}
        onClick={show.onClick}
        className={`${frame} text-left hover:border-sky-500/70 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400`}
      >
        {body}
      </button>
    );
  }
  return (
    <div title={title} data-testid={testId} className={frame}>
      {body}
    </div>
  );
}
