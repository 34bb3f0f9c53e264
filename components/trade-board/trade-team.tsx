"use client";
// The Team section of a trade's detail: who owns it and the shared work on it — Acknowledge its open
// alerts, Assign to me or to a chosen person, Snooze them for a chosen time, and notes. Every change
// goes to the server (lib/live/alerts-api) and comes back to every open page through the alerts
// stream; a refusal is shown in the server's words. A role that may not act (a viewer) sees the
// assignee, the open alerts and the notes, and none of the controls.
import { useId, useMemo, useState } from "react";
import { useStore } from "zustand";
import { type AlertsContextValue, useAlertsContext } from "@/components/alerts/alerts-context";
import { alertKindTitle } from "@/components/alerts/notify-once";
import { AssigneePicker } from "@/components/staff/assignee-picker";
import { useCan } from "@/components/staff/staff-context";
import { acknowledgeAlert, addTradeNote, assignTrade, snoozeAlert } from "@/lib/live/alerts-api";
import { isOpen, isSnoozed, tradeAlerts } from "@/lib/store/alerts-selectors";
import { TradeNotes } from "./trade-notes";
import { useTradeTeam } from "./use-trade-team";

export const SNOOZE_CHOICES = [
  { minutes: 15, label: "15 min" },
  { minutes: 60, label: "1 h" },
  { minutes: 240, label: "4 h" },
  { minutes: 1_440, label: "24 h" },
] as const;

const BUTTON =
  "rounded-md border border-slate-600 px-2.5 py-1 text-xs text-slate-100 hover:border-slate-400 hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 disabled:opacity-60";

export function TradeTeam({ tradeId }: { tradeId: string }) {
  const alerts = useAlertsContext();
  if (alerts === null) return null;
  return <TeamPanel alerts={alerts} tradeId={tradeId} />;
}

function TeamPanel({ alerts: context, tradeId }: { alerts: AlertsContextValue; tradeId: string }) {
  const { store, email } = context;
  const { error: loadError, refresh } = useTradeTeam(context, tradeId);
  const canAct = useCan("act");
  const all = useStore(store, (s) => s.alerts);
  const now = useStore(store, (s) => s.now);
  const team = useStore(store, (s) => s.teams[tradeId]);
  const open = useMemo(() => tradeAlerts(all, tradeId).filter(isOpen), [all, tradeId]);
  const assignee = team?.assignee ?? open.find((a) => a.assignee !== null)?.assignee ?? null;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [snoozeFor, setSnoozeFor] = useState<number>(60);
  const [note, setNote] = useState("");
  const noteId = useId();
  const snoozeId = useId();

  /** Runs one action; stops at the first refusal and shows it. */
  const act = async (run: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    const problem = await run();
    setBusy(false);
    setMessage(problem);
    if (problem === null) void refresh();
  };

  const acknowledge = () =>
    act(async () => {
      for (const alert of open) {
        const answer = await acknowledgeAlert(alert.id);
        if (!answer.ok) return answer.message;
        store.getState().applyAlert(answer.value.alert);
      }
      return null;
    });

  const assign = (to: string | null) =>
    act(async () => {
      const answer = await assignTrade(tradeId, to);
      if (!answer.ok) return answer.message;
      store.getState().applyTradeAssignee(tradeId, answer.value.assignee);
      return null;
    });

  const snooze = () =>
    act(async () => {
      for (const alert of open) {
        const answer = await snoozeAlert(alert.id, snoozeFor);
        if (!answer.ok) return answer.message;
        store.getState().applyAlert(answer.value.alert);
      }
      return null;
    });

  const addNote = () =>
    act(async () => {
      const answer = await addTradeNote(tradeId, note);
      if (!answer.ok) return answer.message;
      store.getState().applyTradeNote(answer.value.note);
      setNote("");
      return null;
    });

  return (
    <section aria-label="Team" className="border-t border-slate-800 px-5 py-3">
      <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-400">Team</h3>
      <div className="space-y-2">
        <p className="text-slate-300">
          {assignee === null ? "Nobody is assigned." : assignee.toLowerCase() === email.toLowerCase() ? "Assigned to you." : `Assigned to ${assignee}.`}{" "}
          {open.length === 0 ? "No open alerts." : `${open.length} open alert${open.length === 1 ? "" : "s"}: ${open.map((a) => `${alertKindTitle(a.kind)}${isSnoozed(a, now) ? " (snoozed)" : ""}`).join(", ")}.`}
        </p>
        {canAct ? (
          <>
            <div className="flex flex-wrap items-center gap-2">
              <button type="button" className={BUTTON} disabled={busy || open.length === 0} onClick={() => void acknowledge()}>
                Acknowledge
              </button>
              <button type="button" className={BUTTON} disabled={busy} onClick={() => void assign(email)}>
                Assign to me
              </button>
              {/* Label, choice and button stay together when a narrow drawer wraps the row. */}
              <span className="flex items-center gap-2">
                <label htmlFor={snoozeId} className="text-slate-300">
                  Snooze for
                </label>
                <select
                  id={snoozeId}
                  value={snoozeFor}
                  onChange={(event) => setSnoozeFor(Number(event.target.value))}
                  className="rounded-md border border-slate-600 bg-slate-900 px-1.5 py-1 text-xs text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
                >
                  {SNOOZE_CHOICES.map((choice) => (
                    <option key={choice.minutes} value={choice.minutes}>
                      {choice.label}
                    </option>
                  ))}
                </select>
                <button type="button" className={BUTTON} disabled={busy || open.length === 0} onClick={() => void snooze()}>
                  Snooze
                </button>
              </span>
            </div>
            <AssigneePicker current={assignee} busy={busy} onAssign={(to) => void assign(to)} buttonClassName={BUTTON} />
            <form
              className="flex flex-col gap-1.5"
              onSubmit={(event) => {
                event.preventDefault();
                void addNote();
              }}
            >
              <label htmlFor={noteId} className="text-slate-300">
                Note
              </label>
              <textarea
                id={noteId}
                value={note}
                onChange={(event) => setNote(event.target.value)}
                rows={3}
                className="w-full rounded-md border border-slate-600 bg-slate-950 p-2 text-xs text-slate-100 placeholder:text-slate-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
                placeholder="Plain text, up to 2,000 characters"
              />
              <button type="submit" className={`self-start ${BUTTON}`} disabled={busy}>
                Add note
              </button>
            </form>
          </>
        ) : null}
        {message !== null || loadError !== null ? (
          <p role="alert" className="text-rose-300">
            {message ?? loadError}
          </p>
        ) : null}
        <TradeNotes notes={team?.notes ?? []} />
      </div>
    </section>
  );
}
