"use client";
// Starts the page's live session once per store. Safe under React StrictMode, whose mount → unmount →
// mount would otherwise open, close and reopen the socket: stopping is deferred by a tick and a
// re-mount in that tick cancels it, so there is only ever one socket per page.
import { useCallback, useEffect } from "react";
import type { OpsStoreApi } from "@/lib/store/ops-store";
import { useOpsStoreApi } from "@/lib/store/use-ops-store";
import { createLiveSession, type LiveSession } from "./live-session";

interface Retained {
  session: LiveSession;
  holders: number;
  pendingStop: ReturnType<typeof setTimeout> | null;
}

const sessions = new WeakMap<OpsStoreApi, Retained>();

function retain(store: OpsStoreApi): Retained {
  let entry = sessions.get(store);
  if (!entry) {
    entry = { session: createLiveSession(store), holders: 0, pendingStop: null };
    sessions.set(store, entry);
    entry.session.start();
  }
  if (entry.pendingStop) clearTimeout(entry.pendingStop);
  entry.pendingStop = null;
  entry.holders += 1;
  return entry;
}

function release(store: OpsStoreApi, entry: Retained): void {
  entry.holders -= 1;
  if (entry.holders > 0) return;
  entry.pendingStop = setTimeout(() => {
    entry.session.stop();
    sessions.delete(store);
  }, 0);
}

/**
 * Call once, inside <OpsStoreProvider>, in the dashboard's client component. Returns "resync now" for
 * a control such as the Diagnostics button: stable while the store is, so memoized components that
 * take it as a prop do not re-render; it resolves at once when no session is running.
 */
export function useLiveSession(): () => Promise<void> {
  const store = useOpsStoreApi();
  useEffect(() => {
    const entry = retain(store);
    return () => release(store, entry);
  }, [store]);
  return useCallback(() => sessions.get(store)?.session.resync("manual") ?? Promise.resolve(), [store]);
}
