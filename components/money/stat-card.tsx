// One figure in the KPI strip: a label, a big value and a line of context.
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
}

export function StatCard({ label, value, detail, tone = "default", title, testId, aside, className = "" }: StatCardProps) {
  const look = tone === "warning" ? "border-amber-500/70 bg-amber-500/10" : "border-slate-800 bg-slate-900/60";
  return (
    <div title={title} data-testid={testId} className={`flex min-w-0 flex-col justify-between rounded-lg border px-3 py-2 ${look} ${className}`}>
      <div className="flex items-baseline justify-between gap-2">
        <div className={`truncate text-xs font-semibold uppercase tracking-wide ${tone === "warning" ? "text-amber-200" : "text-slate-400"}`}>{label}</div>
        {aside ? <div className="shrink-0 text-xs text-slate-500">{aside}</div> : null}
      </div>
      <div className={`truncate text-lg font-semibold leading-6 tabular-nums ${tone === "warning" ? "text-amber-100" : "text-white"}`}>{value}</div>
      {detail ? <div className="truncate text-xs text-slate-400">{detail}</div> : null}
    </div>
  );
}
