"use client";
// Export CSV: the trades of the current view, in the order shown, as a text/csv download; beside it
// Export history…, the recorded trades of a date range (components/export). Drawn only for roles that
// may export; the server records each export in the audit log first (POST / GET /api/trades/export)
// and a file is offered only once it has.
import { useState } from "react";
import { downloadFile } from "@/components/export/download-file";
import { ExportHistoryDialog } from "@/components/export/export-history-dialog";
import { useCan } from "@/components/staff/staff-context";
import { recordTradeExport } from "@/lib/live/alerts-api";
import { stallOf } from "@/lib/store/selectors";
import { useOpsStoreApi } from "@/lib/store/use-ops-store";
import type { StoredTrade } from "@/lib/store/state";
import { type BoardParams, serializeBoardParams } from "@/lib/trades/board-params";
import { tradesCsv } from "@/lib/trades/trades-csv";

export function ExportCsvButton({ ids, params }: { ids: readonly string[]; params: BoardParams }) {
  const allowed = useCan("export");
  const store = useOpsStoreApi();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [historyOpen, setHistoryOpen] = useState(false);
  if (!allowed) return null;

  const onExport = async () => {
    // The rows as they are now: the view can move on while the audit call is out.
    const snapshot = store.getState();
    const rows: StoredTrade[] = [];
    for (const id of ids) {
      const record = snapshot.trades.get(id);
      if (record) rows.push(record);
    }
    const stalled = new Set(rows.filter((r) => stallOf(snapshot, r).stalled).map((r) => r.trade.id));
    const csv = tradesCsv(rows, (id) => stalled.has(id));
    setState({ busy: true, error: null });
    const view = serializeBoardParams({ ...params, trade: null });
    const answer = await recordTradeExport(rows.length, view);
    if (!answer.ok) {
      setState({ busy: false, error: answer.message });
      return;
    }
    setState({ busy: false, error: null });
    downloadFile(new Blob([csv], { type: "text/csv;charset=utf-8" }), `trades-${new Date().toISOString().slice(0, 19).replaceAll(":", "-")}.csv`);
  };

  return (
    <span className="flex items-center gap-1.5">
      <button
        type="button"
        onClick={() => void onExport()}
        disabled={state.busy}
        title="Download the trades of this view as CSV"
        className="rounded border border-slate-700 px-2 py-0.5 text-xs text-slate-200 hover:bg-slate-800 disabled:opacity-60 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        Export CSV
      </button>
      <button
        type="button"
        onClick={() => setHistoryOpen(true)}
        title="Download the recorded trades of a date range as CSV"
        className="rounded border border-slate-700 px-2 py-0.5 text-xs text-slate-200 hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        Export history…
      </button>
      {historyOpen ? <ExportHistoryDialog params={params} onClose={() => setHistoryOpen(false)} /> : null}
      {state.error ? (
        <span role="alert" className="text-xs text-rose-300">
          {state.error}
        </span>
      ) : null}
    </span>
  );
}
