// One labelled figure in the Diagnostics grid.
import type { ReactNode } from "react";

export function DiagnosticFigure({ label, value, hint, tone = "default" }: { label: string; value: ReactNode; hint?: string; tone?: "default" | "warning" }) {
  return (
    <div title={hint} className="min-w-0">
      <dt className="text-xs leading-tight text-slate-500">{label}</dt>
      <dd className={`text-sm font-semibold tabular-nums ${tone === "warning" ? "text-amber-200" : "text-slate-100"}`}>{value}</dd>
    </div>
  );
}
