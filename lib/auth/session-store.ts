// Where staff sessions are recorded (lib/db/staff-sessions.ts). Normally the app's shared store —
// PostgreSQL directly with DATABASE_URL, else the recorder that owns PGlite over its loopback API (team
// calls, lib/db/team-source.ts) — so every instance sees a session end. An unreachable store throws
// RecorderUnavailableError: the caller refuses (fail closed), and a recorder that is restarting signs
// nobody out. Only when no recorder runs for the PGlite directory at all (no endpoint file: an app
// started on its own, as some tests do) are new sessions kept in this process, said once in the log;
// with PGlite one app serves a directory, so nothing needs sharing. Each session's JWT says which
// store holds it (`where`), so a session kept by an earlier process of this app is simply ended.
import "server-only";
import { existsSync } from "node:fs";
import { env } from "@/lib/env/server";
import { endpointPath } from "@/lib/db/recorder-endpoint";
import type { SessionCheck, StaffSessionStore } from "@/lib/db/staff-sessions";
import { memoryStaffSessionStore } from "@/lib/db/staff-sessions-memory";
import { teamSource } from "@/lib/db/team-source";
import { newSessionId } from "./session-id";
import { processSingleton } from "./process-singleton";

/** Where a session is recorded: "shared", or the id of the app process that keeps it in memory. */
export type SessionStoreKey = string;
export const SHARED_STORE: SessionStoreKey = "shared";

const sharedStore: StaffSessionStore = {
  open: (session) => teamSource().call({ op: "session-open", session }),
  check: (id, idleSeconds) => teamSource().call({ op: "session-check", id, idleSeconds }),
  end: (id, reason) => teamSource().call({ op: "session-end", id, reason }),
  endAllOf: async (email, reason) => (await teamSource().call({ op: "sessions-end-all", email, reason })).ended,
  listOpen: (idleSeconds) => teamSource().call({ op: "sessions-list", idleSeconds }),
};

interface ProcessSessions {
  /** Random per process: sessions of an earlier process of this app are not in this one's memory. */
  key: SessionStoreKey;
  store: StaffSessionStore;
}

function processSessions(): ProcessSessions {
  return processSingleton("process-staff-sessions", () => ({ key: `process-${newSessionId().slice(0, 16)}`, store: memoryStaffSessionStore() }));
}

function sharedStoreIsConfigured(): boolean {
  const { databaseUrl, recorder } = env();
  return Boolean(databaseUrl) || existsSync(endpointPath(recorder.dataDir));
}

let warnedProcessOnly = false;

/** The store a session starting now is recorded in, and its key for the JWT. */
export function storeForNewSession(): { key: SessionStoreKey; store: StaffSessionStore } {
  if (sharedStoreIsConfigured()) return { key: SHARED_STORE, store: sharedStore };
  if (!warnedProcessOnly) {
    warnedProcessOnly = true;
    console.warn(`[auth] no recorder is running for ${env().recorder.dataDir}: new staff sessions are kept in this process only (they end when it stops)`);
  }
  return processSessions();
}

const ENDED_WITH_ITS_PROCESS: SessionCheck = { state: "ended", email: null, reason: "the app process that kept it has stopped", endedNow: false };

/** The store that holds sessions recorded under `key`; a session of an earlier process answers ended. */
export function storeHolding(key: SessionStoreKey): Pick<StaffSessionStore, "check" | "end"> {
  if (key === SHARED_STORE) return sharedStore;
  const own = processSessions();
  if (key === own.key) return own.store;
  return { check: async () => ENDED_WITH_ITS_PROCESS, end: async () => null };
}

/** Every store that may hold sessions of this app: the shared one when configured, and this process's. */
export function everyStore(): StaffSessionStore[] {
  return [...(sharedStoreIsConfigured() ? [sharedStore] : []), processSessions().store];
}
