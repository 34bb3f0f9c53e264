// A small pill with text (never colour alone): statuses, games, flags.
import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "info" | "progress" | "success" | "warning" | "danger" | "muted";

const TONES: Record<BadgeTone, string> = {
  neutral: "border-slate-600 bg-slate-800 text-slate-200",
  info: "border-sky-700/70 bg-sky-950/60 text-sky-200",
  progress: "border-indigo-700/70 bg-indigo-950/60 text-indigo-200",
  success: "border-emerald-700/70 bg-emerald-950/50 text-emerald-200",
  warning: "border-amber-600/70 bg-amber-950/50 text-amber-200",
  danger: "border-rose-700/70 bg-rose-950/50 text-rose-200",
  muted: "border-slate-700 bg-slate-900 text-slate-400",
};

interface BadgeProps {
  tone?: BadgeTone;
  title?: string;
  className?: string;
  children: ReactNode;
}

export function Badge({ tone = "neutral", title, className = "", children }: BadgeProps) {
  return (
    <span
      title={title}
      className={`inline-flex max-w-full items-center gap-1 truncate rounded border px-1.5 py-px text-xs font-medium leading-4 ${TONES[tone]} ${className}`}
    >
      {children}
    </span>
  );
}
