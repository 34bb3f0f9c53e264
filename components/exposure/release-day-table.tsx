"use client";
// "Hold by release day": a button opening a small table of the value in hold per release day (the next
// 7 days in the board's time zone, plus overdue and later rows when any) and per game. Every cell with
// trades is a button to them. A popover in the top layer, placed under its button, so opening it never
// pushes the trades table down.
import { useRef } from "react";
import { type ExposureSelection, type ExposureWindow, type MoneyCount, RELEASE_OVERDUE, type ReleaseRow } from "@/lib/trades/exposure";
import { formatUsd } from "@/lib/trades/format";
import type { GameFilter } from "@/lib/trades/trade-filter";
import { releaseLabel } from "./exposure-labels";

const POPOVER_ID = "exposure-release-days";
const FOCUS = "focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400";
const COLUMNS: readonly { key: "cs2" | "rust" | "all"; label: string; game: GameFilter }[] = [
  { key: "cs2", label: "CS2", game: "cs2" },
  { key: "rust", label: "Rust", game: "rust" },
  { key: "all", label: "All", game: "all" },
];

interface ReleaseDayTableProps {
  rows: readonly ReleaseRow[];
  window: ExposureWindow;
  onShow: (selection: ExposureSelection, game: GameFilter) => void;
}

const deposits = (n: number) => `${n} ${n === 1 ? "deposit" : "deposits"}`;

export function ReleaseDayTable({ rows, window, onShow }: ReleaseDayTableProps) {
  const popover = useRef<HTMLDivElement>(null);
  // Under its button, right edges aligned (the button is the row's last), so it never runs off the page.
  const place = (button: HTMLElement) => {
    const el = popover.current;
    if (el === null) return;
    const box = button.getBoundingClientRect();
    el.style.top = `${Math.round(box.bottom + 4)}px`;
    el.style.right = `${Math.round(Math.max(8, document.documentElement.clientWidth - box.right))}px`;
  };
  const next = rows.find((r) => r.release !== RELEASE_OVERDUE && r.all.count > 0);
  const cell = (row: ReleaseRow, column: (typeof COLUMNS)[number], value: MoneyCount) => {
    const day = releaseLabel(row.release, window.days);
    if (value.count === 0) return <span className="text-slate-500">—</span>;
    return (
      <button
        type="button"
        aria-label={`Show the ${deposits(value.count)} in hold${column.game === "all" ? "" : ` · ${column.label}`} releasing ${day}`}
        onClick={() => {
          popover.current?.hidePopover();
          onShow({ kind: "hold", release: row.release, revertedBy: null }, column.game);
        }}
        className={`rounded px-1 tabular-nums text-sky-300 hover:underline underline-offset-2 ${FOCUS}`}
      >
        {formatUsd(value.cents / 100)} <span className="text-slate-400">({value.count})</span>
      </button>
    );
  };
  return (
    <>
      <button
        type="button"
        popoverTarget={POPOVER_ID}
        aria-label="Hold by release day"
        onClick={(e) => place(e.currentTarget)}
        className={`flex min-w-0 flex-col rounded-lg border border-slate-700 px-3 py-1.5 text-left hover:border-slate-500 ${FOCUS}`}
      >
        <span className="truncate text-xs font-semibold uppercase tracking-wide text-slate-400">Hold by release day</span>
        <span className="truncate text-xs leading-6 text-slate-300">
          {next === undefined ? "Nothing in hold" : `Next: ${releaseLabel(next.release, window.days)} · ${formatUsd(next.all.cents / 100)}`}
        </span>
      </button>
      <div
        ref={popover}
        id={POPOVER_ID}
        popover="auto"
        role="dialog"
        aria-label="Hold by release day"
        className="m-0 rounded-lg border border-slate-700 bg-slate-900 p-3 text-xs text-slate-200 shadow-2xl shadow-black/60"
        style={{ inset: "auto", position: "fixed", top: "8rem", right: "1rem" }}
      >
        <table className="border-collapse whitespace-nowrap">
          <caption className="pb-1 text-left text-slate-400">
            Deposits in hold by the day Steam&apos;s protection ends
            <br />({window.zone === "utc" ? "UTC" : "local time"}; a figure opens its trades)
          </caption>
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-400">
              <th scope="col" className="py-1 pr-4 font-medium">Release day</th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className="py-1 pr-2 text-right font-medium">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.release} className="border-t border-slate-800" data-release={row.release}>
                <th scope="row" className="py-1 pr-4 text-left font-normal text-slate-200">
                  {releaseLabel(row.release, window.days)}
                </th>
                {COLUMNS.map((c) => (
                  <td key={c.key} className="py-1 pr-2 text-right">
                    {cell(row, c, row[c.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
