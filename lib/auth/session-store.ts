// Where staff sessions are recorded (lib/db/staff-sessions.ts): the app's shared store — PostgreSQL
// directly with DATABASE_URL, else the recorder that owns PGlite over its loopback API (team calls,
// lib/db/team-source.ts), so every instance sees a session end. An unreachable store throws
// RecorderUnavailableError: the caller refuses (fail closed). Only when no recorder runs for the PGlite
// directory at all (no endpoint file: an app started on its own, as some tests do) are sessions kept
// in this process, said once in the log; with PGlite one app serves a directory, so nothing is shared.
import "server-only";
import { existsSync } from "node:fs";
import { env } from "@/lib/env/server";
import { endpointPath } from "@/lib/db/recorder-endpoint";
import type { StaffSessionStore } from "@/lib/db/staff-sessions";
import { memoryStaffSessionStore } from "@/lib/db/staff-sessions-memory";
import { teamSource } from "@/lib/db/team-source";
import { processSingleton } from "./process-singleton";

const sharedStore: StaffSessionStore = {
  async open(session) {
    await teamSource().call({ op: "session-open", session });
  },
  check: (id, idleSeconds) => teamSource().call({ op: "session-check", id, idleSeconds }),
  end: (id, reason) => teamSource().call({ op: "session-end", id, reason }),
  endAllOf: async (email, reason) => (await teamSource().call({ op: "sessions-end-all", email, reason })).ended,
  listOpen: (idleSeconds) => teamSource().call({ op: "sessions-list", idleSeconds }),
};

function processStore(dataDir: string): StaffSessionStore {
  return processSingleton("process-staff-sessions", () => {
    console.warn(`[auth] no recorder is running for ${dataDir}: staff sessions are kept in this process only (they end when it stops)`);
    return memoryStaffSessionStore();
  });
}

export function staffSessionStore(): StaffSessionStore {
  const { databaseUrl, recorder } = env();
  if (databaseUrl || existsSync(endpointPath(recorder.dataDir))) return sharedStore;
  return processStore(recorder.dataDir);
}
