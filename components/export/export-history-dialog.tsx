"use client";
// Export history…: the recorded trades of a date range (beyond what the board holds) as CSV. From / To
// are days in the board's time zone (To included); the view's game, type and status filters apply, the
// rest (stalled only, search, the alert views) does not, and the dialog says so. It shows a progressbar
// while the file streams in and offers it to save when complete; Cancel stops the export. The server
// audits the export before the first row (app/api/trades/export/route.ts).
import { useId, useState } from "react";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { dayKey } from "@/lib/time/calendar-days";
import { useTimeZone } from "@/components/time-zone/use-time-zone";
import type { BoardParams } from "@/lib/trades/board-params";
import { zoneName } from "@/lib/time/format-time";
import { canonicalStatuses, dayRange, MAX_EXPORT_DAYS, type TradeExportRange } from "@/lib/trades/trades-csv-range";
import { downloadFile } from "./download-file";
import { useHistoryExport } from "./use-history-export";

const DAY_MS = 86_400_000;
const rowsText = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "row" : "rows"}`;

const BUTTON =
  "rounded border border-slate-700 px-2 py-0.5 text-xs text-slate-200 hover:bg-slate-800 disabled:opacity-60 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400";
const FIELD =
  "rounded border border-slate-700 bg-slate-950 px-2 py-1 text-sm text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400";

/** The view's filters that a history export applies. */
function filtersOf(params: BoardParams): Pick<TradeExportRange, "games" | "types" | "statuses"> {
  return { games: params.game === "all" ? [] : [params.game], types: [...params.types], statuses: canonicalStatuses(params.statuses) };
}

function filtersInWords(filters: Pick<TradeExportRange, "games" | "types" | "statuses">): string {
  const parts = [
    filters.games.length > 0 ? `game ${filters.games.join(", ")}` : "every game",
    filters.types.length > 0 ? `type ${filters.types.join(", ")}` : "both types",
    filters.statuses.length > 0 ? `status ${filters.statuses.join(", ")}` : "every status",
  ];
  return parts.join("; ");
}

/** Mounted while open (so its default days are today's, in the browser); unmounting stops an export. */
export function ExportHistoryDialog({ onClose, params }: { onClose: () => void; params: BoardParams }) {
  const ref = useModalDialog(true);
  const zone = useTimeZone();
  const titleId = useId();
  const { state, start, cancel } = useHistoryExport();
  const [days, setDays] = useState(() => ({ from: dayKey(Date.now() - 7 * DAY_MS, zone), to: dayKey(Date.now(), zone) }));
  const filters = filtersOf(params);
  const range = dayRange(days.from, days.to, zone);
  const rangeProblem =
    range === null
      ? "Choose both days."
      : Date.parse(range.from) >= Date.parse(range.to)
        ? "From must not be after To."
        : Date.parse(range.to) - Date.parse(range.from) > MAX_EXPORT_DAYS * DAY_MS
          ? `At most ${MAX_EXPORT_DAYS} days at a time.`
          : null;

  /** Another day means another file: whatever was exported (or is running) for the old range is dropped. */
  const changeDay = (which: "from" | "to", value: string) => {
    cancel();
    setDays((d) => ({ ...d, [which]: value }));
  };

  const close = () => {
    cancel();
    onClose();
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={close}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-700 bg-slate-900 p-0 text-slate-100 shadow-2xl shadow-black backdrop:bg-slate-950/60"
    >
      <div className="flex items-center justify-between border-b border-slate-800 px-4 py-3">
        <h2 id={titleId} className="text-sm font-semibold">
          Export recorded history
        </h2>
        <button type="button" onClick={close} className={BUTTON}>
          Close
        </button>
      </div>
      <form
        className="flex flex-col gap-3 px-4 py-3 text-sm"
        onSubmit={(event) => {
          event.preventDefault();
          if (range && rangeProblem === null) start({ ...range, ...filters });
        }}
      >
        <p className="text-xs text-slate-300">
          Every recorded trade last updated in these days ({zoneName(zone)}), To included, as CSV. From this view: {filtersInWords(filters)}.
          Stalled only, search and the alert views are not applied.
        </p>
        <div className="flex flex-wrap gap-3">
          <label className="flex flex-col gap-1 text-xs text-slate-300">
            From
            <input type="date" required value={days.from} onChange={(e) => changeDay("from", e.target.value)} className={FIELD} />
          </label>
          <label className="flex flex-col gap-1 text-xs text-slate-300">
            To
            <input type="date" required value={days.to} onChange={(e) => changeDay("to", e.target.value)} className={FIELD} />
          </label>
        </div>
        {rangeProblem ? <p className="text-xs text-amber-300">{rangeProblem}</p> : null}
        {state.phase === "running" ? (
          <div className="flex flex-col gap-1">
            <progress
              aria-label="Rows exported"
              aria-valuetext={state.total === null ? rowsText(state.written) : `${rowsText(state.written)} of ${state.total.toLocaleString("en-GB")}`}
              value={state.total ? state.written : undefined}
              max={state.total || undefined}
              className="h-2 w-full accent-sky-400"
            />
            <p className="text-xs text-slate-300" aria-live="polite">
              {state.total === null ? `${rowsText(state.written)} written` : `${rowsText(state.written)} of ${state.total.toLocaleString("en-GB")} written`}
            </p>
          </div>
        ) : null}
        {state.phase === "done" ? (
          <p className="text-xs text-emerald-300" role="status">
            Ready: {rowsText(state.rows)}.
          </p>
        ) : null}
        {state.phase === "failed" ? (
          <p role="alert" className="text-xs text-rose-300">
            {state.message}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          {state.phase === "running" ? (
            // Keyed apart: one reused <button> turning from "button" to "submit" inside its own click would
            // submit the form again as Cancel's default action.
            <button key="cancel" type="button" onClick={cancel} className={BUTTON}>
              Cancel
            </button>
          ) : (
            <button key="export" type="submit" disabled={rangeProblem !== null} className={BUTTON}>
              {state.phase === "done" ? "Export again" : "Export"}
            </button>
          )}
          {state.phase === "done" ? (
            <button
              type="button"
              onClick={() => downloadFile(state.file, state.name)}
              className="rounded border border-sky-500 bg-sky-500/10 px-2 py-0.5 text-xs text-sky-200 hover:bg-sky-500/20 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
            >
              Save CSV
            </button>
          ) : null}
        </div>
      </form>
    </dialog>
  );
}
