// The recorder's health: an in-memory record of connection, events, lag, reconcile and prune results,
// written to the database (`recorder_health`, one row per recorder) every few seconds so the app — a
// separate process — can report it, and summarised in the log every few minutes. Never holds secrets.
import "server-only";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/db/database";
import { type HealthIdentity, removeHealth, writeHealth } from "@/lib/db/health-repository";
import type { RecorderHealthState } from "@/lib/recorded/types";

const HEARTBEAT_MS = 5_000;
const SUMMARY_MS = 5 * 60_000;

export interface HealthTracker {
  readonly identity: HealthIdentity;
  state(): RecorderHealthState;
  update(patch: Partial<RecorderHealthState>): void;
  /** Writes now (after notable changes: connect, disconnect, reconcile). */
  flush(): Promise<void>;
  start(): void;
  /** Stops heartbeats and removes this recorder's row. */
  stop(): Promise<void>;
}

export function createHealthTracker(db: Database, log: (line: string) => void): HealthTracker {
  const identity: HealthIdentity = {
    recorderId: `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`,
    host: hostname(),
    pid: process.pid,
    startedAtMs: Date.now(),
  };
  let current: RecorderHealthState = {
    connected: false,
    connectedSince: null,
    reconnects: 0,
    eventsRecorded: 0,
    malformedIgnored: 0,
    lastMalformedReasons: [],
    unknownStatusEvents: 0,
    lastUnknownStatuses: [],
    lastEventAt: null,
    lastEventLagMs: null,
    lastReconcile: null,
    lastPrune: null,
    lastError: null,
  };
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let summary: ReturnType<typeof setInterval> | null = null;
  let writing: Promise<void> | null = null;
  let failedWrites = 0;
  let eventsAtLastSummary = 0;

  async function flush(): Promise<void> {
    // One write at a time; a flush during a write waits for it and writes the newer state after.
    while (writing) await writing;
    writing = writeHealth(db, identity, current)
      .then(() => {
        if (failedWrites > 0) log(`health writes work again after ${failedWrites} failure(s)`);
        failedWrites = 0;
      })
      .catch((error: unknown) => {
        failedWrites += 1;
        if (failedWrites === 1) log(`could not write health: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        writing = null;
      });
    await writing;
  }

  function logSummary(): void {
    const s = current;
    const events = s.eventsRecorded - eventsAtLastSummary;
    eventsAtLastSummary = s.eventsRecorded;
    const last = s.lastReconcile;
    log(
      `health: ${s.connected ? "connected" : "NOT connected"}, ${events} events in the last ${SUMMARY_MS / 60_000} min` +
        `, last event ${s.lastEventAt ?? "never"}` +
        (s.lastEventLagMs === null ? "" : ` (lag ${s.lastEventLagMs} ms)`) +
        `, ${s.malformedIgnored} malformed ignored, ${s.unknownStatusEvents} with unknown statuses, ${s.reconnects} reconnects` +
        (last ? `, last reconcile ${last.startedAt}: ${last.changed} changed, ${last.missing} not returned, ${last.notFound} not found at AssetPay, ${last.errors.length} problem(s)` : ""),
    );
  }

  return {
    identity,
    state: () => current,
    update(patch) {
      current = { ...current, ...patch };
    },
    flush,
    start() {
      heartbeat ??= setInterval(() => void flush(), HEARTBEAT_MS);
      summary ??= setInterval(logSummary, SUMMARY_MS);
    },
    async stop() {
      if (heartbeat) clearInterval(heartbeat);
      if (summary) clearInterval(summary);
      heartbeat = summary = null;
      while (writing) await writing;
      await removeHealth(db, identity.recorderId).catch(() => undefined);
    },
  };
}
