"use client";
// What the event recorder (the server process that writes every event to the database) saw: malformed
// and unknown-status events with their last reasons in words, and the trades AssetPay no longer knows.
// Read from the recorder's health every few seconds by the live session; this only shows it.
import { memo } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import { selectMissingCount, selectRecorderDiagnostics } from "@/lib/store/selectors";
import { useThrottledOpsStore } from "@/lib/store/use-throttled-ops-store";
import { DiagnosticFigure } from "./diagnostic-figure";

const PACE_MS = 1_000;
const COUNT = new Intl.NumberFormat("en-US");

export const RecorderDiagnostics = memo(function RecorderDiagnostics() {
  const recorder = useThrottledOpsStore(selectRecorderDiagnostics, PACE_MS);
  const missingOnBoard = useThrottledOpsStore(selectMissingCount, PACE_MS);
  const malformed = recorder?.malformedIgnored ?? 0;
  const unknown = recorder?.unknownStatusEvents ?? 0;
  const reasons = [...(recorder?.lastMalformedReasons ?? []).map((r) => `malformed ${r}`), ...(recorder?.lastUnknownStatuses ?? []).map((r) => `unknown ${r}`)];

  return (
    <div className="border-t border-slate-800">
      <dl className="grid grid-cols-3 items-end gap-x-2 gap-y-1.5 px-3 py-2">
        <DiagnosticFigure
          label="Recorder malformed"
          value={<span data-testid="recorder-malformed-count">{malformed}</span>}
          tone={malformed > 0 ? "warning" : "default"}
          hint="Malformed events the event recorder received and ignored"
        />
        <DiagnosticFigure
          label="Recorder unknown statuses"
          value={COUNT.format(unknown)}
          tone={unknown > 0 ? "warning" : "default"}
          hint="Events the recorder kept with a status the dashboard does not know"
        />
        <DiagnosticFigure
          label="Not found at AssetPay"
          value={<span data-testid="missing-count">{missingOnBoard}</span>}
          tone={missingOnBoard > 0 ? "warning" : "default"}
          hint={`Trades on this board AssetPay no longer knows (never counted as stalled or in flight)${recorder ? `; ${COUNT.format(recorder.missingTrades)} recorded in all` : ""}`}
        />
      </dl>
      <div className="px-3 pb-2 text-xs text-slate-400">
        {recorder === null ? (
          <p>Recorder: not reached yet.</p>
        ) : reasons.length === 0 ? (
          <p>
            Recorder: nothing malformed or unknown seen (read <RelativeTime at={recorder.at} />
            ).
          </p>
        ) : (
          <>
            <p className="text-slate-300">Recorder&apos;s last problems (newest last):</p>
            <ol className="ml-4 list-decimal space-y-0.5 break-words" aria-label="Recorder's last problems">
              {reasons.map((reason, index) => (
                <li key={`${index}-${reason}`}>{reason}</li>
              ))}
            </ol>
          </>
        )}
        {recorder?.alertWebhook ? (
          <p className={recorder.alertWebhook.failed + recorder.alertWebhook.unknown > 0 ? "text-amber-200" : undefined}>
            Alert webhook: {COUNT.format(recorder.alertWebhook.failed)} failed
            {recorder.alertWebhook.unknown > 0 ? `, ${COUNT.format(recorder.alertWebhook.unknown)} outcome unknown (not sent again)` : ""}
            {recorder.alertWebhook.lastError ? `, last error ${recorder.alertWebhook.lastError}` : ""}
          </p>
        ) : null}
      </div>
    </div>
  );
});
