// One audit log row: when (date and time in the chosen time zone, the stored ISO time on hover), who, what, to what, from where. Every
// value is text: React escapes it, and nothing here is ever rendered as HTML.
import { memo } from "react";
import { ExactTime } from "@/components/ui/exact-time";
import type { AuditEntry } from "@/lib/audit/audit-actions";

const CELL = "px-3 py-2 align-top";

export const AuditRow = memo(function AuditRow({ entry }: { entry: AuditEntry }) {
  return (
    <tr data-action={entry.action} className="border-t border-slate-800">
      <td className={`${CELL} whitespace-nowrap tabular-nums text-slate-300`}>
        <span title={entry.at}>
          <ExactTime at={entry.at} />
        </span>
      </td>
      <td className={`${CELL} text-slate-100`}>{entry.actor}</td>
      <td className={`${CELL} whitespace-nowrap font-mono text-xs text-sky-300`}>{entry.action}</td>
      <td className={`${CELL} max-w-[22rem] break-words text-slate-300`}>
        {entry.subject ?? "—"}
        {entry.detail ? <span className="block text-xs text-slate-500">{entry.detail}</span> : null}
      </td>
      <td className={`${CELL} whitespace-nowrap font-mono text-xs text-slate-300`}>{entry.address ?? "—"}</td>
      <td className={`${CELL} max-w-[16rem] truncate text-xs text-slate-500`} title={entry.userAgent ?? undefined}>
        {entry.userAgent ?? "—"}
      </td>
    </tr>
  );
});
