"use client";
// A real button that copies a value (address, hash, id) and says so for a moment, in words.
import { useEffect, useState } from "react";

interface CopyButtonProps {
  value: string;
  /** What is copied, for the accessible name: "Copy address". */
  label: string;
  className?: string;
}

async function copyText(value: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    // Clipboard API refused (permissions, insecure origin): fall back to a selection copy.
    const area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export function CopyButton({ value, label, className = "" }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 1_500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      aria-label={`${label}: ${value}`}
      title={`${label}`}
      onClick={(event) => {
        event.stopPropagation();
        void copyText(value).then((ok) => setState(ok ? "copied" : "failed"));
      }}
      className={`inline-flex shrink-0 items-center rounded border border-slate-700 px-1.5 py-px text-xs font-medium uppercase tracking-wide text-slate-300 hover:border-slate-500 hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 ${className}`}
    >
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Failed" : "Copy"}</span>
    </button>
  );
}
