"use client";
// The audit log's filters: staff member (part of an email), action, and a from/to time in the browser's
// time zone. Applied together with Apply filters; Clear shows everything again.
import { type FormEvent, useState } from "react";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import type { AuditFilterValues } from "@/lib/audit/audit-filters";

export const NO_FILTERS: AuditFilterValues = { actor: "", action: "", from: "", to: "" };

/** A datetime-local value (the browser's zone) as ISO, or "" when empty or invalid. */
function isoOf(local: string): string {
  const ms = Date.parse(local);
  return local !== "" && Number.isFinite(ms) ? new Date(ms).toISOString() : "";
}

const FIELD = "h-8 rounded-md border border-slate-700 bg-slate-950 px-2.5 text-xs text-slate-100 focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500";
const BUTTON = "h-8 rounded-md border border-slate-700 px-3 text-xs text-slate-200 transition hover:border-slate-500 hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400";

export function AuditFilterForm({ onApply }: { onApply: (filters: AuditFilterValues) => void }) {
  const [actor, setActor] = useState("");
  const [action, setAction] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ actor: actor.trim(), action, from: isoOf(from), to: isoOf(to) });
  };
  const clear = () => {
    setActor("");
    setAction("");
    setFrom("");
    setTo("");
    onApply(NO_FILTERS);
  };

  return (
    <form onSubmit={submit} aria-label="Audit log filters" className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-xs text-slate-400">
        Staff member
        <input type="search" value={actor} onChange={(e) => setActor(e.target.value)} placeholder="email" autoComplete="off" className={FIELD} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-400">
        Action
        <select value={action} onChange={(e) => setAction(e.target.value)} className={FIELD}>
          <option value="">All actions</option>
          {AUDIT_ACTIONS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-400">
        From
        <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} className={FIELD} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-400">
        To
        <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} className={FIELD} />
      </label>
      <button type="submit" className={BUTTON}>
        Apply filters
      </button>
      <button type="button" onClick={clear} className={BUTTON}>
        Clear
      </button>
    </form>
  );
}
