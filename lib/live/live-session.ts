// Wires one page's live data path together, outside React: token cache → connection manager →
// parsing edge (parse-socket-event.ts) → event batcher → store, plus the resync after every
// (re)connect, when the tab becomes visible and every 5 minutes on a healthy socket, the store's
// one-second clock, and the browser's online/offline/visibility signals. Components never touch any
// of this; they read the store.
import { io } from "socket.io-client";
import { onEveryMultiple } from "@/lib/store/clock-grid";
import type { OpsEvent } from "@/lib/store/ingest";
import type { OpsStoreApi } from "@/lib/store/ops-store";
import type { ResyncResult } from "@/lib/store/resync";
import { heldItemsLookup, selectNonTerminalIds } from "@/lib/store/selectors";
import { ConnectionManager, type ResyncReason, type SocketFactory } from "./connection-manager";
import { createEventBatcher } from "./event-batcher";
import { fetchHealthVerdict } from "./health-client";
import { parseSocketEvent } from "./parse-socket-event";
import { startPeriodicResync } from "./periodic-resync";
import { fetchRecorderFeed } from "./recorder-health-client";
import { ResyncSignedOutError, fetchResync } from "./resync-client";
import { type SessionEndSignal, sessionEndSignal } from "./session-end-signal";
import { SnapshotSignedOutError, fetchSnapshot } from "./snapshot-client";
import { TokenCache } from "./token-cache";

export interface LiveSession {
  start(): void;
  stop(): void;
  /** Run a resync now (also used by the Diagnostics "Resync now" control). */
  resync(reason: ResyncReason): Promise<void>;
}

/** A visible-again tab resyncs at most this often: switching tabs back and forth is common. */
const VISIBLE_RESYNC_MIN_INTERVAL_MS = 10_000;

/**
 * A resync answered before the recorder finished the reconcile it asked for is asked again 5 s later,
 * then 10, 20, 40 and every 60 s, up to this many times in a row (the recorder honours AssetPay's 429s,
 * a minute or so): every open tab does this, so it backs off.
 */
const RESYNC_FOLLOW_UP_MS = 5_000;
const RESYNC_FOLLOW_UP_MAX_MS = 60_000;
const MAX_RESYNC_FOLLOW_UPS = 8;

/**
 * On a healthy socket, in-flight trades are re-read this often (see periodic-resync.ts). A merchant
 * with 3,000 trades in flight spends 30 batch gets per open tab every 5 minutes.
 */
const PERIODIC_RESYNC_MS = 5 * 60_000;

/**
 * The recorder's health is read this often: its diagnostics, and the trades a reconcile found AssetPay
 * no longer knows (the recorder reconciles every minute, so a board marks them within about a minute).
 */
const RECORDER_HEALTH_MS = 20_000;

const createBrowserSocket: SocketFactory = (wsUrl) =>
  io(wsUrl, {
    // AssetPay serves only the websocket transport (no long-polling fallback).
    transports: ["websocket"],
    autoConnect: false,
    // The connection manager owns retries (see connection-manager.ts for why).
    reconnection: false,
    // Its own engine per socket: the token swap holds the old and the new socket open at once.
    forceNew: true,
    query: {},
  });

const SIGNED_OUT_MESSAGE = "Your staff session has ended: sign in again.";

export function createLiveSession(
  store: OpsStoreApi,
  createSocket: SocketFactory = createBrowserSocket,
  sessionEnd: SessionEndSignal = sessionEndSignal(),
): LiveSession {
  const batcher = createEventBatcher<OpsEvent>({ deliver: (events) => store.getState().ingest(events) });
  const heldItems = heldItemsLookup(store.getState);
  let resyncRunning: Promise<void> | null = null;
  let resyncAgain = false;
  let lastVisibleResync = 0;
  let stopClock: (() => void) | null = null;
  let stopPeriodicResync: (() => void) | null = null;
  let recorderHealthTimer: ReturnType<typeof setInterval> | null = null;
  let followUpTimer: ReturnType<typeof setTimeout> | null = null;
  let followUpsLeft = MAX_RESYNC_FOLLOW_UPS;

  /** The answer trailed AssetPay (the recorder had not reconciled yet): ask again shortly, a bounded number of times. */
  function followUpIfBehind(result: ResyncResult): void {
    if (result.recorderCaughtUp !== false) {
      followUpsLeft = MAX_RESYNC_FOLLOW_UPS;
      return;
    }
    if (followUpTimer !== null || followUpsLeft === 0 || !running) return;
    const delay = Math.min(RESYNC_FOLLOW_UP_MAX_MS, RESYNC_FOLLOW_UP_MS * 2 ** (MAX_RESYNC_FOLLOW_UPS - followUpsLeft));
    followUpsLeft -= 1;
    followUpTimer = setTimeout(() => {
      followUpTimer = null;
      void resync("follow-up");
    }, delay);
  }

  async function runResync(): Promise<void> {
    // Anything queued must be in the store first, or its ids would be missing from the request.
    batcher.flush();
    const ids = selectNonTerminalIds(store.getState());
    try {
      const result = await fetchResync(ids, Date.now);
      batcher.flush();
      store.getState().applyResync(result);
      followUpIfBehind(result);
    } catch (error) {
      if (error instanceof ResyncSignedOutError) signedOut();
    }
  }

  async function resync(reason: ResyncReason): Promise<void> {
    if (reason === "visible") {
      if (Date.now() - lastVisibleResync < VISIBLE_RESYNC_MIN_INTERVAL_MS) return;
      lastVisibleResync = Date.now();
    }
    // One at a time; a request during a run queues exactly one more (its ids may differ).
    if (resyncRunning) {
      resyncAgain = true;
      return resyncRunning;
    }
    resyncRunning = (async () => {
      do {
        resyncAgain = false;
        await runResync();
      } while (resyncAgain);
    })().finally(() => {
      resyncRunning = null;
    });
    return resyncRunning;
  }

  // The recorder's snapshot (docs/architecture.md): trades from before this tab opened. Fetched while the socket
  // connects; the store merges it newer-only, so it may land before or after the first live events.
  let running = false;
  async function loadSnapshot(): Promise<void> {
    try {
      const result = await fetchSnapshot(Date.now);
      if (!running) return;
      batcher.flush();
      store.getState().applySnapshot(result);
      // The recorder reconciles once a minute, so its in-flight trades may be that old: confirm them
      // against AssetPay now rather than at the next reconnect.
      void resync("snapshot");
    } catch (error) {
      if (error instanceof SnapshotSignedOutError && running) signedOut();
    }
  }

  async function readRecorderHealth(): Promise<void> {
    const feed = await fetchRecorderFeed(Date.now);
    if (!feed || !running) return;
    // Queued events first, so the store already holds every trade the recorder names.
    batcher.flush();
    store.getState().applyRecorderFeed(feed);
  }

  const tokens = new TokenCache({ onRefreshed: (token) => manager.onTokenRefreshed(token) });
  const manager = new ConnectionManager({
    tokens,
    createSocket,
    checkHealth: () => fetchHealthVerdict(),
    sink: {
      pushEvent: (event, payload, receivedAt) => batcher.push(parseSocketEvent(event, payload, receivedAt, heldItems)),
      setConnection: (update) => {
        store.getState().setConnection(update);
        // The token route answered 401: the other tabs stop too.
        if (update.state === "signed-out") sessionEnd.announce();
      },
      markUnverified: () => {
        batcher.flush();
        store.getState().markUnverified();
      },
      requestResync: (reason) => void resync(reason),
    },
  });

  /** The session ended (sign-out, an admin, idleness): no more socket, no more requests that would only be refused. */
  let sessionEnded = false;
  function stopSignedOut(): void {
    if (sessionEnded) return;
    sessionEnded = true;
    manager.stop();
    tokens.dispose();
    if (followUpTimer !== null) clearTimeout(followUpTimer);
    followUpTimer = null;
    if (recorderHealthTimer) clearInterval(recorderHealthTimer);
    recorderHealthTimer = null;
    store.getState().setConnection({ state: "signed-out", lastError: SIGNED_OUT_MESSAGE });
  }

  /** This tab found out first (a 401): stop, and tell the other tabs. */
  function signedOut(): void {
    stopSignedOut();
    sessionEnd.announce();
  }

  let unsubscribeSessionEnd: (() => void) | null = null;

  const onVisibility = () => {
    if (document.visibilityState === "visible") manager.onVisible();
  };
  const onOnline = () => manager.onOnline();
  const onOffline = () => manager.onOffline();

  return {
    start() {
      // On the whole second, like the panels paced at a second: they all change in one frame.
      stopClock ??= onEveryMultiple(1_000, () => store.getState().tick(Date.now()));
      stopPeriodicResync ??= startPeriodicResync({
        intervalMs: PERIODIC_RESYNC_MS,
        isVisible: () => document.visibilityState === "visible",
        isLive: () => store.getState().connection.state === "live",
        resync: () => void resync("periodic"),
      });
      document.addEventListener("visibilitychange", onVisibility);
      window.addEventListener("online", onOnline);
      window.addEventListener("offline", onOffline);
      running = true;
      unsubscribeSessionEnd ??= sessionEnd.subscribe(stopSignedOut);
      void loadSnapshot();
      void readRecorderHealth();
      recorderHealthTimer ??= setInterval(() => void readRecorderHealth(), RECORDER_HEALTH_MS);
      manager.start();
    },
    stop() {
      running = false;
      unsubscribeSessionEnd?.();
      unsubscribeSessionEnd = null;
      if (followUpTimer !== null) clearTimeout(followUpTimer);
      followUpTimer = null;
      manager.stop();
      tokens.dispose();
      batcher.dispose();
      stopClock?.();
      stopClock = null;
      stopPeriodicResync?.();
      stopPeriodicResync = null;
      if (recorderHealthTimer) clearInterval(recorderHealthTimer);
      recorderHealthTimer = null;
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
    },
    resync,
  };
}
