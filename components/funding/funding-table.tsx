"use client";
// The Funding table: matching deposits and withdrawals newest first. Funding is a few thousand items at
// most (the store caps each kind), so the table renders the first SHOWN_STEP and grows on request
// rather than virtualizing. On a phone it keeps kind, amount, status and age.
import { useState } from "react";
import type { Funding } from "@/lib/trades/types";
import { FundingRow } from "./funding-row";

const SHOWN_STEP = 200;
const COUNT = new Intl.NumberFormat("en-US");

interface FundingTableProps {
  rows: readonly Funding[];
  stuck: ReadonlyMap<string, string>;
  onOpen: (funding: Funding) => void;
  emptyText: string;
}

const HEAD = "sticky top-0 z-10 bg-slate-900 px-1.5 py-1.5 text-left sm:px-2 text-xs font-semibold text-slate-400";

export function FundingTable({ rows, stuck, onOpen, emptyText }: FundingTableProps) {
  const [limit, setLimit] = useState(SHOWN_STEP);
  const shown = rows.slice(0, limit);
  return (
    <div className="min-h-0 flex-1 overflow-auto rounded-lg border border-slate-800 bg-slate-900/40">
      <table aria-label="Funding" className="w-full border-collapse">
        <thead>
          <tr className="border-b border-slate-800">
            <th scope="col" className={HEAD}>
              Kind<span className="sm:hidden"> · age</span>
            </th>
            <th scope="col" className={`${HEAD} text-right`}>Amount</th>
            <th scope="col" className={HEAD}>Status</th>
            <th scope="col" className={`${HEAD} hidden sm:table-cell`}>Chain</th>
            <th scope="col" className={`${HEAD} hidden md:table-cell`}>Address</th>
            <th scope="col" className={`${HEAD} hidden text-right sm:table-cell`}>Age</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((funding) => (
            <FundingRow key={`${funding.kind}:${funding.id}`} funding={funding} stuckReason={stuck.get(funding.id)} onOpen={onOpen} />
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="px-3 py-4 text-xs text-slate-400">{emptyText}</p> : null}
      {rows.length > shown.length ? (
        <div className="flex items-center gap-3 px-3 py-2 text-xs text-slate-400">
          <span>
            Showing the newest {COUNT.format(shown.length)} of {COUNT.format(rows.length)}.
          </span>
          <button
            type="button"
            onClick={() => setLimit((n) => n + SHOWN_STEP)}
            className="rounded-md border border-slate-700 px-2 py-0.5 text-slate-200 hover:border-slate-500 hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
          >
            Show {SHOWN_STEP} more
          </button>
        </div>
      ) : null}
    </div>
  );
}
