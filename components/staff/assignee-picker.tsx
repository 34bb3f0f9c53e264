"use client";
// Assign to a chosen person: a select labelled "Assignee" offering the staff directory (operators and
// admins), a button "Assign", and "Unassign" while someone is assigned. The parent performs the call
// and shows a refusal; the picker only reads the directory and says when it cannot.
import { useEffect, useId, useState } from "react";
import { ROLE_LABEL } from "./role-label";
import { useStaff } from "./staff-context";

interface AssigneePickerProps {
  /** Who is assigned now (an email), or null. */
  current: string | null;
  busy: boolean;
  onAssign: (assignee: string | null) => void;
  buttonClassName: string;
}

export function AssigneePicker({ current, busy, onAssign, buttonClassName }: AssigneePickerProps) {
  const staff = useStaff();
  const selectId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const loadDirectory = staff?.loadDirectory;
  useEffect(() => {
    loadDirectory?.();
  }, [loadDirectory]);
  if (staff === null) return null;

  const directory = staff.directory;
  const people = directory.status === "ready" ? directory.staff : [];
  const currentEmail = current?.toLowerCase() ?? null;
  const preset = people.find((person) => person.email === currentEmail)?.email ?? people[0]?.email ?? "";
  const value = chosen !== null && people.some((person) => person.email === chosen) ? chosen : preset;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={selectId} className="text-slate-300">
        Assignee
      </label>
      <select
        id={selectId}
        value={value}
        disabled={people.length === 0}
        onChange={(event) => setChosen(event.target.value)}
        className="max-w-full min-w-0 rounded-md border border-slate-600 bg-slate-900 px-1.5 py-1 text-xs text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 disabled:opacity-60"
      >
        {people.length === 0 ? (
          <option value="">{directory.status === "failed" ? "Staff list unavailable" : directory.status === "ready" ? "Nobody to assign" : "Loading staff…"}</option>
        ) : (
          people.map((person) => (
            <option key={person.email} value={person.email}>
              {person.email === staff.email ? `${person.email} (you)` : `${person.email} (${ROLE_LABEL[person.role]})`}
            </option>
          ))
        )}
      </select>
      <button type="button" className={buttonClassName} disabled={busy || value === "" || value === currentEmail} onClick={() => onAssign(value)}>
        Assign
      </button>
      {current !== null ? (
        <button type="button" className={buttonClassName} disabled={busy} onClick={() => onAssign(null)}>
          Unassign
        </button>
      ) : null}
      {directory.status === "failed" ? (
        <span role="alert" className="text-rose-300">
          {directory.message}
          <button type="button" className={`ml-2 ${buttonClassName}`} onClick={() => staff.loadDirectory()}>
            Retry
          </button>
        </span>
      ) : null}
    </div>
  );
}
