"use client";
// The board's "Stall rules" button and the popover panel it opens: how long each status may last before
// a trade is flagged, the STALL_* variable that sets it, and whether the server configured it or the
// default applies. The rules themselves are lib/trades/stall-rules.ts; this file only shows them.
import { useOpsStore } from "@/lib/store/use-ops-store";
import { formatDuration } from "@/lib/trades/format";
import type { StallLimits } from "@/lib/trades/stall-rules";

export type StallRuleRow = {
  variable: string;
  meaning: string;
  configured: boolean;
} & (
  | { key: keyof StallLimits }
  /** A server-side limit the store does not hold (the funding alert's), shown as given. */
  | { key: "fundingStuck"; limitMs: number }
);

export function StallRulesPanel({ rows }: { rows: readonly StallRuleRow[] }) {
  const limits = useOpsStore((s) => s.stallLimits);
  return (
    <>
      <button
        type="button"
        popoverTarget="stall-rules"
        className="inline-flex h-7 items-center rounded-md border border-slate-700 px-2 text-xs text-slate-300 hover:border-slate-500 hover:text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        Stall rules
      </button>
      <div
        id="stall-rules"
        popover="auto"
        role="dialog"
        aria-label="Stall rules"
        className="m-0 w-96 rounded-lg border border-slate-700 bg-slate-900 p-4 text-xs text-slate-200 shadow-2xl shadow-black/60"
        style={{ inset: "auto", top: "7.5rem", right: "1rem", position: "fixed" }}
      >
        <h2 className="text-sm font-semibold text-white">Stall rules</h2>
        <p className="mt-1 text-slate-400">
          A trade is flagged <strong className="text-amber-200">Stalled</strong> when it stays in a status longer than this. AssetPay documents no
          time limits; these are our heuristics, set on the server with the variables shown. The recorder raises alerts with the same limits,
          and with <code>ALERT_FUNDING_STUCK_SECONDS</code> for crypto funding awaiting an AssetPay admin.
        </p>
        <table className="mt-3 w-full border-collapse">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="pb-1 font-medium">Status</th>
              <th className="pb-1 text-right font-medium">Limit</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-t border-slate-800 align-top">
                <td className="py-1.5 pr-2">
                  <div className="text-slate-200">{row.meaning}</div>
                  <code className="text-xs text-slate-500">{row.variable}</code>
                </td>
                <td className="py-1.5 text-right tabular-nums">
                  <div className="text-slate-100">{formatDuration(row.key === "fundingStuck" ? row.limitMs : limits[row.key])}</div>
                  <div className="text-xs text-slate-500">{row.configured ? "configured" : "default"}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-slate-400">
          Also stalled: an offer past its auto-cancel time. Not confirmed since a disconnect: shown as{" "}
          <span className="rounded border border-dashed border-slate-400 px-1 text-slate-300">unverified</span> until the next resync.
        </p>
      </div>
    </>
  );
}
