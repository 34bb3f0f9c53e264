// Whether a session is still open on the store (./session-store.ts), asked by every session check in
// ./guards.ts. An answer "open" is trusted for OPEN_FOR_MS only, so a session ended anywhere (sign-out,
// sign out everywhere, an admin, another instance) stops working here within that; a session this
// process ends stops at once. Concurrent checks of one session share one store call. The store also
// ends a session that has been idle for AUTH_IDLE_TIMEOUT_MINUTES, and the check that finds it says so
// in the audit log.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionEndReason, StaffSessionView } from "@/lib/db/staff-sessions";
import { env } from "@/lib/env/server";
import { processSingleton } from "./process-singleton";
import type { SessionRef } from "./session-id";
import { SessionMemo } from "./session-memo";
import { everyStore, storeHolding } from "./session-store";

/** How long "open" is believed without asking the store again: the bound on how late an end takes effect. */
export const OPEN_FOR_MS = 3_000;
const CAPACITY = 2_000;

interface Liveness {
  /** Session id → its email, while recently confirmed open. */
  open: SessionMemo<string>;
  asking: Map<string, Promise<boolean>>;
}

function liveness(): Liveness {
  return processSingleton("session-liveness", () => ({ open: new SessionMemo<string>(CAPACITY), asking: new Map() }));
}

async function ask(session: SessionRef, email: string): Promise<boolean> {
  const { idleTimeoutSeconds } = env();
  const answer = await storeHolding(session.where).check(session.id, idleTimeoutSeconds);
  if (answer.state === "open") {
    liveness().open.remember(session.id, email, Date.now() + OPEN_FOR_MS, Date.now());
    return true;
  }
  if (answer.endedNow) {
    recordAuditEvent({
      actor: answer.email ?? email,
      action: "session-expired",
      subject: answer.email ?? email,
      detail: `no request for ${Math.round(idleTimeoutSeconds / 60)} min`,
      address: null,
      userAgent: null,
    }).catch((error: unknown) => console.warn(`[auth] session-expired not audited: ${error instanceof Error ? error.message : String(error)}`));
  }
  return false;
}

/** Whether the session is open (from memory for up to OPEN_FOR_MS). Throws RecorderUnavailableError when the store cannot say. */
export function isSessionOpen(session: SessionRef, email: string): Promise<boolean> {
  const state = liveness();
  if (state.open.recall(session.id, Date.now()) !== null) return Promise.resolve(true);
  const running = state.asking.get(session.id);
  if (running) return running;
  const promise = ask(session, email).finally(() => state.asking.delete(session.id));
  state.asking.set(session.id, promise);
  return promise;
}

/** Ends one session on the store; this process refuses it at once. Its email, or null when it was not open. */
export async function endSession(session: SessionRef, reason: SessionEndReason): Promise<{ email: string } | null> {
  const ended = await storeHolding(session.where).end(session.id, reason);
  // After the store's answer, so a check that was already running cannot put it back.
  liveness().open.forget(session.id);
  return ended;
}

/** Ends every session of `email`; this process refuses them at once. How many were open. */
export async function endSessionsOf(email: string, reason: SessionEndReason): Promise<number> {
  let ended = 0;
  for (const store of everyStore()) ended += await store.endAllOf(email, reason);
  liveness().open.forgetWhere((owner) => owner === email);
  return ended;
}

/** Every open session, newest first (the admin's Staff sessions table). */
export async function listOpenSessions(): Promise<StaffSessionView[]> {
  const { idleTimeoutSeconds } = env();
  const lists = await Promise.all(everyStore().map((store) => store.listOpen(idleTimeoutSeconds)));
  return lists.flat().sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
