// A resync on a timer, even while the socket looks healthy. AssetPay does not replay socket events,
// so one lost while the connection stayed up (a server-side hiccup, paused emission) would otherwise
// leave a trade showing a stale status, and soon a false stall flag, until the next reconnect. Only a
// visible tab on a live connection runs it: a hidden tab resyncs when it becomes visible anyway, and
// after a reconnect the connection manager has just resynced.

export interface PeriodicResyncOptions {
  intervalMs: number;
  isVisible: () => boolean;
  isLive: () => boolean;
  resync: () => void;
}

/** Starts the timer; returns the function that stops it. */
export function startPeriodicResync({ intervalMs, isVisible, isLive, resync }: PeriodicResyncOptions): () => void {
  const timer = setInterval(() => {
    if (isVisible() && isLive()) resync();
  }, intervalMs);
  return () => clearInterval(timer);
}
