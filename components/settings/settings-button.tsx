// A button of the Settings page: primary (the step's main action) or plain.
import type { ButtonHTMLAttributes } from "react";

interface SettingsButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  primary?: boolean;
}

export function SettingsButton({ primary = false, className = "", ...props }: SettingsButtonProps) {
  const look = primary
    ? "bg-emerald-500 font-semibold text-slate-950 hover:bg-emerald-400"
    : "border border-slate-700 text-slate-200 hover:border-slate-500 hover:bg-slate-800";
  return (
    <button
      type="button"
      {...props}
      className={`rounded-md px-3 py-1.5 text-sm transition focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 disabled:cursor-wait disabled:opacity-60 ${look} ${className}`}
    />
  );
}
