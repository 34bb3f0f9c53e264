"use client";
// The Alerts region: open alerts newest first (snoozed ones too, marked), Acknowledge all (for a role
// that may act), and the person's Desktop notifications and Sound choices. A non-modal panel under the header; Escape closes it.
import { useMemo, useState } from "react";
import { useCan } from "@/components/staff/staff-context";
import { acknowledgeAllAlerts } from "@/lib/live/alerts-api";
import { alertsNewestFirst, isOpen } from "@/lib/store/alerts-selectors";
import { AlertItem } from "./alert-item";
import { useAlertsStore, useRequiredAlerts } from "./alerts-context";
import { SwitchControl } from "./switch-control";

interface AlertsPanelProps {
  id: string;
  onClose: () => void;
}

function notificationHint(): string {
  if (typeof Notification === "undefined") return "This browser cannot show desktop notifications";
  if (Notification.permission === "denied") return "Blocked in this browser's site settings";
  return "A desktop notification for each new alert";
}

export function AlertsPanel({ id, onClose }: AlertsPanelProps) {
  const { preferences, setPreference } = useRequiredAlerts();
  const alerts = useAlertsStore((s) => s.alerts);
  const loaded = useAlertsStore((s) => s.loaded);
  const stream = useAlertsStore((s) => s.stream);
  const malformed = useAlertsStore((s) => s.malformed);
  const open = useMemo(() => alertsNewestFirst(alerts).filter(isOpen), [alerts]);
  const canAct = useCan("act");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const acknowledgeAll = async () => {
    setBusy(true);
    setMessage(null);
    const answer = await acknowledgeAllAlerts();
    setBusy(false);
    setMessage(answer.ok ? `${answer.value.acknowledged} acknowledged.` : answer.message);
  };

  return (
    <section
      id={id}
      aria-label="Alerts"
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
      className="absolute top-full right-0 z-40 mt-2 flex max-h-[75vh] w-[min(28rem,calc(100vw-1.5rem))] flex-col rounded-lg border border-slate-700 bg-slate-900 text-slate-100 shadow-2xl shadow-black"
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-800 px-3 py-2">
        <h2 className="mr-auto text-sm font-semibold text-white">Alerts</h2>
        <SwitchControl label="Desktop notifications" checked={preferences.notifications} onChange={(on) => setPreference("notifications", on)} hint={notificationHint()} />
        <SwitchControl label="Sound" checked={preferences.sound} onChange={(on) => setPreference("sound", on)} hint="A short beep every 10 s while alerts need attention" />
      </div>
      <div className="flex items-center gap-2 border-b border-slate-800 px-3 py-1.5 text-xs text-slate-300">
        <span aria-live="polite">{message ?? (stream === "live" ? "Live" : stream === "connecting" ? "Connecting…" : "Reconnecting…")}</span>
        {malformed > 0 ? <span>· {malformed} malformed ignored</span> : null}
        {canAct ? (
          <button
            type="button"
            disabled={busy || open.length === 0}
            onClick={() => void acknowledgeAll()}
            className="ml-auto rounded-md border border-slate-600 px-2 py-0.5 text-slate-100 hover:border-slate-400 hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 disabled:opacity-60"
          >
            Acknowledge all
          </button>
        ) : null}
      </div>
      {open.length === 0 ? (
        <p className="px-3 py-4 text-sm text-slate-300">{loaded ? "No open alerts." : "Loading alerts…"}</p>
      ) : (
        <ul className="min-h-0 flex-1 overflow-y-auto">
          {open.map((alert) => (
            <AlertItem key={alert.id} alert={alert} onOpened={onClose} />
          ))}
        </ul>
      )}
    </section>
  );
}
