"use client";
// The connection banner (role="status", named "Connection"): the live feed's state in words and by
// shape, the age of the last event, retry countdowns, a way back in when signed out, and a note after
// a resync. data-state carries the machine-readable state.
import { memo } from "react";
import { signInHref } from "@/components/auth/sign-in-href";
import { selectConnection, selectLastEventAt, selectLastResync, selectMeanEventGapMs, selectNow } from "@/lib/store/selectors";
import { useOpsStore } from "@/lib/store/use-ops-store";
import { useThrottledOpsStore } from "@/lib/store/use-throttled-ops-store";
import { ConnectionMark } from "./connection-mark";
import { type ConnectionView, describeConnection } from "./connection-text";
import { useTimeZone } from "@/components/time-zone/use-time-zone";
import { formatClock } from "@/lib/time/format-time";

const LOOK: Record<ConnectionView["tone"], { box: string; mark: string }> = {
  good: { box: "border-emerald-700/60 bg-emerald-950/40 text-emerald-100", mark: "text-emerald-400" },
  busy: { box: "border-sky-700/60 bg-sky-950/40 text-sky-100", mark: "text-sky-300" },
  warning: { box: "border-amber-500/70 bg-amber-950/50 text-amber-100", mark: "text-amber-300" },
  bad: { box: "border-rose-500/70 bg-rose-950/50 text-rose-100", mark: "text-rose-300" },
};

export const ConnectionBanner = memo(function ConnectionBanner() {
  const connection = useOpsStore(selectConnection);
  // The state itself is never delayed; the age of the last event is shown in whole seconds anyway.
  const lastEventAt = useThrottledOpsStore(selectLastEventAt, 500);
  const lastResync = useOpsStore(selectLastResync);
  const now = useOpsStore(selectNow);
  const meanEventGapMs = useThrottledOpsStore(selectMeanEventGapMs, 500);
  const zone = useTimeZone();
  const view = describeConnection({ connection, lastEventAt, lastResync, now, meanEventGapMs, formatClock: (ms) => formatClock(ms, zone) });
  const look = LOOK[view.tone];
  return (
    <div
      role="status"
      aria-label="Connection"
      data-state={view.state}
      data-quiet={view.quiet ? "true" : undefined}
      title={connection.lastError ?? undefined}
      // On a phone the resync note wraps under the words instead of squeezing them to "Li…".
      className={`flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5 sm:flex-nowrap rounded-md border px-2.5 py-1 text-xs ${look.box}`}
    >
      <ConnectionMark state={view.state} className={look.mark} />
      {/* Reads "Live · last event 3 s ago". The ticking part is hidden from the live region, which gets
          the coarse `spoken` version instead, so screen readers are not told a new number every second. */}
      <span className="min-w-0 truncate">
        <span className="font-semibold">{view.headline}</span>
        <span aria-hidden="true" className="tabular-nums opacity-90">{` · ${view.detail}`}</span>
        <span className="sr-only">{`, ${view.spoken}`}</span>
      </span>
      {view.state === "signed-out" ? (
        <a
          href="/sign-in?callbackUrl=%2Fboard"
          // Read at the click, not at render: the filters and open trade may have changed since.
          onClick={(event) => {
            event.currentTarget.href = signInHref(window.location);
          }}
          className="font-semibold underline underline-offset-2 hover:text-white">
          Sign in again
        </a>
      ) : null}
      {view.resyncNote ? (
        <span className="shrink-0 rounded bg-slate-900/60 px-1.5 py-px text-xs text-slate-200">
          <span className="sr-only"> · </span>
          {view.resyncNote}
        </span>
      ) : null}
    </div>
  );
});
