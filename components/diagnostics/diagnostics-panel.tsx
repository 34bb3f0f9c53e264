"use client";
// The Diagnostics region: what the live feed delivered and what the board refused or dropped, so an
// operator can tell "quiet market" from "broken feed". Headline figures always visible; detail folds.
import { memo, useState } from "react";
import { PAINT_ISOLATED } from "@/components/ui/paint-isolated";
import { RelativeTime } from "@/components/ui/relative-time";
import { selectDiagnostics, selectEventsPerSecond, selectRetention, selectTradeCount } from "@/lib/store/selectors";
import { useThrottledOpsStore } from "@/lib/store/use-throttled-ops-store";
import { DiagnosticFigure } from "./diagnostic-figure";
import { RecorderDiagnostics } from "./recorder-diagnostics";

/** Figures refresh twice a second at most, however fast events arrive. */
const DIAGNOSTICS_PACE_MS = 500;
const COUNT = new Intl.NumberFormat("en-US");
const RATE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 });

interface DiagnosticsPanelProps {
  /** Re-reads every in-flight trade now (the live session's, from useLiveSession). */
  onResync: () => Promise<void>;
}

export const DiagnosticsPanel = memo(function DiagnosticsPanel({ onResync }: DiagnosticsPanelProps) {
  const d = useThrottledOpsStore(selectDiagnostics, DIAGNOSTICS_PACE_MS);
  const retention = useThrottledOpsStore(selectRetention, DIAGNOSTICS_PACE_MS);
  const held = useThrottledOpsStore(selectTradeCount, DIAGNOSTICS_PACE_MS);
  const perSecond = useThrottledOpsStore(selectEventsPerSecond, DIAGNOSTICS_PACE_MS);
  const [resyncing, setResyncing] = useState(false);
  const unknown = Object.entries(d.unknownStatuses);
  const resync = d.lastResync;

  return (
    <section aria-label="Diagnostics" className={`shrink-0 rounded-lg border border-slate-800 bg-slate-900/40 text-xs ${PAINT_ISOLATED}`}>
      <h2 className="border-b border-slate-800 px-3 py-1.5 font-semibold text-slate-200">Diagnostics</h2>
      <dl className="grid grid-cols-3 items-end gap-x-2 gap-y-1.5 px-3 py-2">
        <DiagnosticFigure label="Events received" value={COUNT.format(d.eventsReceived)} />
        <DiagnosticFigure label="Events / s" value={RATE.format(perSecond)} hint="Average over the last 10 seconds" />
        <DiagnosticFigure
          label="Malformed ignored"
          value={<span data-testid="malformed-count">{d.malformedIgnored}</span>}
          tone={d.malformedIgnored > 0 ? "warning" : "default"}
          hint="Events that failed validation and were dropped"
        />
        <DiagnosticFigure label="Duplicates" value={COUNT.format(d.duplicatesIgnored)} hint="Identical repeats, ignored" />
        <DiagnosticFigure label="Stale ignored" value={COUNT.format(d.staleIgnored)} hint="Older than what the board holds (out of order), ignored" />
        <DiagnosticFigure
          label="Unknown statuses"
          value={COUNT.format(unknown.reduce((n, [, c]) => n + c, 0))}
          tone={unknown.length > 0 ? "warning" : "default"}
        />
      </dl>
      <RecorderDiagnostics />
      <div className="space-y-1 border-t border-slate-800 px-3 py-2 text-xs text-slate-400">
        <p>
          <span className="text-slate-300">Retention:</span> {COUNT.format(held)} trades held; finished trades capped at {COUNT.format(retention.cap)}
          {retention.evicted > 0 ? (
            <span className="text-amber-200">, {COUNT.format(retention.evicted)} oldest finished trades dropped</span>
          ) : (
            ", none dropped"
          )}
          . In-flight trades are never dropped.
        </p>
        <p className="flex flex-wrap items-center gap-x-2">
          <span>
            <span className="text-slate-300">Last resync:</span>{" "}
            {resync ? (
              <>
                <RelativeTime at={resync.at} />, {COUNT.format(resync.tradesRefreshed)} trades and {COUNT.format(resync.fundingRefreshed)} funding
                rows checked, {COUNT.format(resync.changed)} changed
                {resync.error ? <span className="text-amber-200"> — {resync.error}</span> : null}
              </>
            ) : (
              "none yet"
            )}
          </span>
          <button
            type="button"
            disabled={resyncing}
            onClick={() => {
              setResyncing(true);
              void onResync().finally(() => setResyncing(false));
            }}
            className="rounded border border-slate-700 px-1.5 py-px text-xs text-slate-300 hover:border-slate-500 disabled:opacity-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
          >
            {resyncing ? "Resyncing…" : "Resync now"}
          </button>
        </p>
        {d.malformedIgnored > 0 || unknown.length > 0 || d.contracts.legacy > 0 ? (
          <details>
            <summary className="cursor-pointer text-slate-300">Details</summary>
            {d.lastMalformedReasons.length > 0 ? (
              <>
                <p className="mt-1 text-slate-300">Last malformed events (newest last):</p>
                <ol className="ml-4 list-decimal space-y-0.5 break-words">
                  {d.lastMalformedReasons.map((reason, index) => (
                    <li key={`${index}-${reason}`}>{reason}</li>
                  ))}
                </ol>
              </>
            ) : null}
            {unknown.length > 0 ? (
              <p className="mt-1 break-words">
                <span className="text-slate-300">Unknown statuses:</span> {unknown.map(([status, n]) => `"${status}" ×${n}`).join(", ")}
              </p>
            ) : null}
            <p className="mt-1">
              <span className="text-slate-300">Payload contracts seen:</span> current {COUNT.format(d.contracts.current)}, legacy {COUNT.format(d.contracts.legacy)}
            </p>
          </details>
        ) : null}
      </div>
    </section>
  );
});
