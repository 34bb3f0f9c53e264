// The audit log as a table named "Audit log", newest first.
import type { AuditEntry } from "@/lib/audit/audit-actions";
import { AuditRow } from "./audit-row";

const COLUMNS = ["When", "Who", "Action", "Subject", "Address", "User agent"] as const;

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-800">
      <table aria-label="Audit log" className="w-full text-left text-sm">
        <thead className="bg-slate-900/80 text-xs uppercase tracking-wide text-slate-400">
          <tr>
            {COLUMNS.map((name) => (
              <th key={name} scope="col" className="px-3 py-2 font-medium">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <AuditRow key={entry.seq} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
