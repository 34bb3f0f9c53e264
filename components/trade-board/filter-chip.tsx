// One filter toggle: a real button with aria-pressed whose text is the label and its count, so the
// count is itself the control. Shared by the game, status and type filters and the Stalled toggle.
import type { ReactNode } from "react";

interface FilterChipProps {
  label: string;
  count: number;
  pressed: boolean;
  onToggle: () => void;
  title?: string;
  /** Amber treatment for the Stalled toggle (with an icon; never colour alone). */
  tone?: "default" | "warning";
  icon?: ReactNode;
}

const COUNT = new Intl.NumberFormat("en-US");

export function FilterChip({ label, count, pressed, onToggle, title, tone = "default", icon }: FilterChipProps) {
  const base =
    "inline-flex h-7 shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md border px-2 text-xs font-medium transition focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400";
  const look =
    tone === "warning"
      ? pressed
        ? "border-amber-400 bg-amber-400/20 text-amber-100"
        : count > 0
          ? "border-amber-600/70 bg-amber-950/40 text-amber-200 hover:border-amber-400"
          : "border-slate-700 bg-slate-900 text-slate-400 hover:border-slate-500"
      : pressed
        ? "border-sky-400 bg-sky-400/15 text-sky-100"
        : "border-slate-700 bg-slate-900 text-slate-300 hover:border-slate-500 hover:text-slate-100";
  return (
    <button type="button" aria-pressed={pressed} title={title} onClick={onToggle} className={`${base} ${look}`}>
      {icon}
      <span>{label}</span>
      {/* Room for four digits from the start, so a count reaching 1,000 does not widen the chip and reflow the row. */}
      <span className={`inline-block min-w-[4ch] text-right tabular-nums ${pressed ? "text-current" : "text-slate-400"}`}>{COUNT.format(count)}</span>
    </button>
  );
}
