"use client";
// The /audit page's interactive half: filters, the table, older pages, and the CSV export of what
// the filters select (a download from GET /api/audit/export, which records the export itself).
import { useState } from "react";
import { type AuditFilterValues, auditFilterParams } from "@/lib/audit/audit-filters";
import { AuditFilterForm, NO_FILTERS } from "./audit-filter-form";
import { AuditTable } from "./audit-table";
import { useAuditLog } from "./use-audit-log";

const BUTTON = "h-8 rounded-md border border-slate-700 px-3 text-xs text-slate-200 transition hover:border-slate-500 hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 disabled:opacity-50";

/** A download the server names (Content-Disposition), without leaving the page. */
function download(url: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.download = "";
  link.click();
}

export function AuditLog() {
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const { state, loadMore } = useAuditLog(filters);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <AuditFilterForm onApply={setFilters} />
        <button type="button" className={BUTTON} onClick={() => download(`/api/audit/export?${auditFilterParams(filters).toString()}`)}>
          Export audit CSV
        </button>
      </div>
      {state.status === "loading" ? <p className="text-sm text-slate-400">Loading the audit log…</p> : null}
      {state.status === "error" ? (
        <p role="alert" className="text-sm text-rose-300">
          Could not load the audit log: {state.message}
        </p>
      ) : null}
      {state.status === "ready" ? (
        <>
          <AuditTable entries={state.entries} />
          {state.entries.length === 0 ? <p className="text-sm text-slate-400">No recorded actions match these filters.</p> : null}
          {state.nextCursor !== null ? (
            <button type="button" className={`${BUTTON} self-start`} onClick={loadMore} disabled={state.loadingMore}>
              {state.loadingMore ? "Loading…" : "Show older"}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
