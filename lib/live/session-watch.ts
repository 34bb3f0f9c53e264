// Asks the dashboard every few seconds whether this browser's staff session still counts
// (GET /api/staff/session), and when it answers 401 announces the end to every tab
// (./session-end-signal.ts). Streams reach AssetPay directly, so without this a session ended by an
// admin, by "sign out everywhere" in another browser, or by idleness would only be noticed at the next
// token refresh, minutes later. A failure to ask (network, 503) says nothing about the session.
import { sessionEndSignal, type SessionEndSignal } from "./session-end-signal";

export const SESSION_WATCH_MS = 10_000;

export interface SessionWatchOptions {
  intervalMs?: number;
  fetchSession?: () => Promise<Response>;
  signal?: SessionEndSignal;
}

/** Starts watching; returns the stop. Stops by itself once the session has ended. */
export function watchSession(options: SessionWatchOptions = {}): () => void {
  const fetchSession = options.fetchSession ?? (() => fetch("/api/staff/session", { credentials: "same-origin", cache: "no-store" }));
  const signal = options.signal ?? sessionEndSignal();
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearInterval(timer);
    unsubscribe();
  };
  const ask = async () => {
    try {
      const response = await fetchSession();
      if (!stopped && response.status === 401) signal.announce();
    } catch {
      // Unreachable is not signed out: ask again next time.
    }
  };
  const timer = setInterval(() => void ask(), options.intervalMs ?? SESSION_WATCH_MS);
  const unsubscribe = signal.subscribe(stop);
  return stop;
}
