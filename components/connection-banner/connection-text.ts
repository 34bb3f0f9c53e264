// The connection banner's words for each state, plus the age of the last event and the note after a
// resync. Pure so every state's text is unit-tested. The ticking `detail` is for eyes; `spoken` is a
// coarse version for the live region, so screen readers are not told a new number every second.
// A live socket that has been silent for much longer than the feed's usual gap is not shown as a
// green "Live": the socket may be up while AssetPay sends nothing, and staff must not read that as
// "nothing is happening". data-state stays `live` (its values are fixed); `quiet` carries it.
import type { ConnectionCause, ConnectionInfo, ConnectionState, ResyncRecord } from "@/lib/store/state";
import { formatDuration } from "@/lib/trades/format";
import { formatClock as clockInZone } from "@/lib/time/format-time";

export interface ConnectionView {
  state: ConnectionState;
  headline: string;
  /** Shown; may change every second. */
  detail: string;
  /** Read by screen readers; changes only when the meaning changes. */
  spoken: string;
  /** "Resynced 42 trades" for a minute after a resync (or its failure), while live. */
  resyncNote: string | null;
  tone: "good" | "busy" | "warning" | "bad";
  /** Live, but silent for much longer than the recent event rate predicts (see quietAfterMs). */
  quiet: boolean;
}

/** Silence shorter than this is never called quiet: a few idle seconds are normal for any merchant. */
export const QUIET_MIN_MS = 30_000;
/** ...and neither is silence under this many usual gaps between events. */
export const QUIET_GAPS = 10;

/** How long a live feed may be silent before the banner calls it quiet. */
export function quietAfterMs(meanEventGapMs: number | null): number {
  return Math.max(QUIET_MIN_MS, QUIET_GAPS * (meanEventGapMs ?? 0));
}

const formatClockLocal = (ms: number) => clockInZone(ms, "local");

export const RESYNC_NOTE_MS = 60_000;

const HEADLINES: Record<ConnectionState, string> = {
  connecting: "Connecting",
  live: "Live",
  reconnecting: "Reconnecting",
  reauthenticating: "Re-authenticating",
  offline: "Offline",
  "signed-out": "Signed out",
};

const TONES: Record<ConnectionState, ConnectionView["tone"]> = {
  connecting: "busy",
  live: "good",
  reconnecting: "warning",
  reauthenticating: "busy",
  offline: "bad",
  "signed-out": "bad",
};

function coarseAge(ms: number): string {
  if (ms < 60_000) return "under a minute ago";
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ago`;
  return `${formatDuration(ms)} ago`;
}

interface DescribeInput {
  connection: ConnectionInfo;
  lastEventAt: number | null;
  lastResync: ResyncRecord | null;
  now: number;
  /** The feed's usual gap between events (store diagnostics); null when not known yet. */
  meanEventGapMs?: number | null;
  /** Time of day for "quiet since"; the default is the browser's local time. */
  formatClock?: (ms: number) => string;
}

const CAUSE_WORDS: Record<ConnectionCause, string> = {
  "assetpay-closed": "AssetPay closed the connection",
  "assetpay-maintenance": "AssetPay reports maintenance",
};

export function describeConnection({
  connection,
  lastEventAt,
  lastResync,
  now,
  meanEventGapMs = null,
  formatClock = formatClockLocal,
}: DescribeInput): ConnectionView {
  const { state } = connection;
  const age = lastEventAt === null ? null : Math.max(0, now - lastEventAt);
  const lastEvent = age === null ? "no events yet" : `last event ${formatDuration(age)} ago`;
  const lastEventSpoken = age === null ? "no events yet" : `last event ${coarseAge(age)}`;

  // Silent since the last event, or since connecting when none came yet.
  const silentSince = lastEventAt ?? connection.connectedAt;
  const quiet = state === "live" && silentSince !== null && now - silentSince > quietAfterMs(meanEventGapMs);
  const cause = connection.cause ? `${CAUSE_WORDS[connection.cause]}; ` : "";

  let detail: string;
  let spoken: string;
  switch (state) {
    case "connecting":
      detail = `opening the live feed · ${lastEvent}`;
      spoken = "opening the live feed";
      break;
    case "live":
      if (quiet && silentSince !== null) {
        const usual = meanEventGapMs === null ? "" : `; events usually every ${formatDuration(Math.max(1_000, meanEventGapMs))}`;
        const what = lastEventAt === null ? "no events" : "no new events";
        detail = `connected, ${what} since ${formatClock(silentSince)} (${formatDuration(now - silentSince)})${usual}`;
        spoken = `connected, ${what} since ${formatClock(silentSince)}`;
      } else {
        detail = lastEvent;
        spoken = lastEventSpoken;
      }
      break;
    case "reconnecting": {
      const retry =
        connection.nextRetryAt === null
          ? "trying now"
          : connection.nextRetryAt <= now
            ? "retrying now"
            : `next try in ${formatDuration(connection.nextRetryAt - now + 999)}`;
      detail = `${cause}attempt ${connection.attempt}, ${retry} · ${lastEvent}`;
      spoken = `${cause}attempt ${connection.attempt}; ${lastEventSpoken}`;
      break;
    }
    case "reauthenticating":
      detail = `getting a fresh AssetPay token · ${lastEvent}`;
      spoken = "getting a fresh AssetPay token";
      break;
    case "offline":
      detail = `this browser has no network; reconnects when it returns · ${lastEvent}`;
      spoken = "this browser has no network";
      break;
    case "signed-out":
      detail = "your staff session ended; live updates stopped";
      spoken = detail;
      break;
  }

  let resyncNote: string | null = null;
  // Only while live: during an outage an older resync note would read as reassurance.
  if (lastResync && now - lastResync.at < RESYNC_NOTE_MS && state === "live") {
    const n = lastResync.tradesRefreshed;
    resyncNote = lastResync.error
      ? `Resync incomplete: ${lastResync.error}`
      : `Resynced ${n} ${n === 1 ? "trade" : "trades"}${lastResync.fundingRefreshed > 0 ? ` and ${lastResync.fundingRefreshed} funding` : ""}` +
        (lastResync.changed > 0 ? ` (${lastResync.changed} changed)` : "");
  }

  return {
    state,
    headline: quiet ? "Feed quiet" : HEADLINES[state],
    detail,
    spoken,
    resyncNote,
    tone: quiet ? "warning" : TONES[state],
    quiet,
  };
}
