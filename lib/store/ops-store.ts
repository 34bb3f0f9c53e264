// The ops store factory: one vanilla zustand store per signed-in page (zustand's Next.js pattern), so
// nothing leaks between sessions or between server renders. Actions delegate to pure reducers.
// Never create a module-level store instance; it takes typed input only (lib/live parses at the edge).
import { createStore } from "zustand/vanilla";
import type { StallLimits } from "@/lib/trades/stall-rules";
import { type OpsEvent, ingestEvents } from "./ingest";
import { type RecorderFeed, applyRecorderFeed } from "./missing-trades";
import { type ResyncResult, applyResync } from "./resync";
import { type SnapshotResult, applySnapshot } from "./snapshot";
import { type ConnectionInfo, type OpsState, type OpsStateOptions, createInitialState, normalizeCap } from "./state";
import { markUnverified, setRetentionCap } from "./trade-reducers";

export interface OpsActions {
  /** Applies one batch of socket events, parsed at the edge (lib/live), in a single store update. */
  ingest: (events: readonly OpsEvent[]) => void;
  applyResync: (result: ResyncResult) => void;
  /** The recorder's page-load snapshot: newer-only like resync, plus recorded status histories. */
  applySnapshot: (result: SnapshotResult) => void;
  /** Call on disconnect: in-flight trades are no longer known to be current. */
  markUnverified: () => void;
  /** The recorder's health, read periodically: its diagnostics, and trades AssetPay no longer knows. */
  applyRecorderFeed: (feed: RecorderFeed) => void;
  setConnection: (patch: Partial<ConnectionInfo>) => void;
  tick: (now: number) => void;
  setRetentionCap: (cap: number) => void;
  setStallLimits: (patch: Partial<StallLimits>) => void;
}

export type OpsStore = OpsState & OpsActions;
export type OpsStoreApi = ReturnType<typeof createOpsStore>;
export type OpsStoreOptions = OpsStateOptions;

// Only known keys are copied: the patch may come from code that spread something wider.
function patchConnection(prev: ConnectionInfo, patch: Partial<ConnectionInfo>): ConnectionInfo {
  const next: ConnectionInfo = {
    state: patch.state ?? prev.state,
    attempt: patch.attempt ?? prev.attempt,
    nextRetryAt: patch.nextRetryAt !== undefined ? patch.nextRetryAt : prev.nextRetryAt,
    lastError: patch.lastError !== undefined ? patch.lastError : prev.lastError,
    connectedAt: patch.connectedAt !== undefined ? patch.connectedAt : prev.connectedAt,
    cause: patch.cause !== undefined ? patch.cause : prev.cause,
  };
  const same =
    next.state === prev.state &&
    next.attempt === prev.attempt &&
    next.nextRetryAt === prev.nextRetryAt &&
    next.lastError === prev.lastError &&
    next.connectedAt === prev.connectedAt &&
    next.cause === prev.cause;
  return same ? prev : next;
}

function patchLimits(prev: StallLimits, patch: Partial<StallLimits>): StallLimits {
  const next: StallLimits = { ...prev };
  for (const key of Object.keys(prev) as (keyof StallLimits)[]) {
    const value = patch[key];
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) next[key] = value;
  }
  return next;
}

export function createOpsStore(options: OpsStoreOptions = {}) {
  return createStore<OpsStore>()((set) => ({
    ...createInitialState(options),
    ingest: (events) => set((s) => ingestEvents(s, events)),
    applyResync: (result) => set((s) => applyResync(s, result)),
    applySnapshot: (result) => set((s) => applySnapshot(s, result)),
    markUnverified: () => set((s) => markUnverified(s)),
    applyRecorderFeed: (feed) => set((s) => applyRecorderFeed(s, feed)),
    setConnection: (patch) =>
      set((s) => {
        const connection = patchConnection(s.connection, patch);
        return connection === s.connection ? s : { connection };
      }),
    tick: (now) => set((s) => (now === s.now || !Number.isFinite(now) ? s : { now })),
    setRetentionCap: (cap) => set((s) => setRetentionCap(s, normalizeCap(cap))),
    setStallLimits: (patch) => set((s) => ({ stallLimits: patchLimits(s.stallLimits, patch) })),
  }));
}
