"use client";
// The header's Alerts button: named "Alerts", the open count beside it (digits only, in
// data-testid="alert-count"), and the Alerts region it opens and closes.
import { useId, useRef, useState } from "react";
import { useAlertsStore } from "./alerts-context";
import { AlertsPanel } from "./alerts-panel";

export function AlertsButton() {
  const openCount = useAlertsStore((s) => s.openCount);
  const [expanded, setExpanded] = useState(false);
  const panelId = useId();
  const countId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setExpanded(false);
    buttonRef.current?.focus();
  };
  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label="Alerts"
        aria-describedby={countId}
        aria-expanded={expanded}
        aria-controls={panelId}
        onClick={() => setExpanded((v) => !v)}
        className={`inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1 text-sm transition focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 ${
          openCount > 0 ? "border-amber-500 bg-amber-500/15 text-amber-100 hover:bg-amber-500/25" : "border-slate-700 text-slate-200 hover:border-slate-500 hover:bg-slate-800"
        }`}
      >
        <span aria-hidden="true">Alerts</span>
        <span id={countId}>
          <span className="sr-only">Open: </span>
          <span data-testid="alert-count" className="inline-block min-w-4 rounded bg-slate-950/60 px-1 text-center text-xs tabular-nums">
            {openCount}
          </span>
        </span>
      </button>
      {expanded ? <AlertsPanel id={panelId} onClose={close} /> : null}
    </div>
  );
}
