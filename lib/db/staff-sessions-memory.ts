// Staff sessions kept in the app process itself: the same rules as ./staff-sessions.ts, for an app with
// no store to ask (no DATABASE_URL and no recorder running for its PGlite directory; with PGlite one
// app serves a directory, so no other instance needs to see them). They end when the process stops,
// which can only sign people out, never let an ended session back in.
import "server-only";
import { type NewStaffSession, type SessionCheck, type SessionEndReason, type StaffSessionStore, type StaffSessionView, TOUCH_EVERY_SECONDS } from "./staff-sessions";

interface Row extends NewStaffSession {
  createdAtMs: number;
  lastSeenAtMs: number;
  expiresAtMs: number;
  ended: { reason: string } | null;
}

/** Far more than the staff who could sign in during a session's lifetime; the oldest go first. */
const CAPACITY = 10_000;

export function memoryStaffSessionStore(now: () => number = Date.now): StaffSessionStore {
  const rows = new Map<string, Row>();
  /** The role each email last signed in with (as staff_roles keeps it on the store). */
  const roles = new Map<string, string>();

  const end = (row: Row, reason: SessionEndReason): boolean => {
    if (row.ended) return false;
    row.ended = { reason };
    return true;
  };

  return {
    async open(session) {
      for (const [id, row] of rows) if (row.expiresAtMs < now() || rows.size >= CAPACITY) rows.delete(id);
      rows.set(session.id, { ...session, createdAtMs: now(), lastSeenAtMs: now(), expiresAtMs: Date.parse(session.expiresAt), ended: null });
      if (session.role === null) return { previousRole: null };
      const previousRole = roles.get(session.email) ?? null;
      roles.set(session.email, session.role);
      return { previousRole };
    },
    async check(id, idleSeconds): Promise<SessionCheck> {
      const row = rows.get(id);
      if (!row) return { state: "ended", email: null, reason: null, endedNow: false };
      if (row.ended) return { state: "ended", email: row.email, reason: row.ended.reason, endedNow: false };
      if (row.expiresAtMs <= now()) return { state: "ended", email: row.email, reason: "expired", endedNow: false };
      if (row.lastSeenAtMs <= now() - idleSeconds * 1_000) return { state: "ended", email: row.email, reason: "idle", endedNow: end(row, "idle") };
      if (row.lastSeenAtMs <= now() - TOUCH_EVERY_SECONDS * 1_000) row.lastSeenAtMs = now();
      return { state: "open" };
    },
    async end(id, reason) {
      const row = rows.get(id);
      return row && end(row, reason) ? { email: row.email } : null;
    },
    async endAllOf(email, reason) {
      let ended = 0;
      for (const row of rows.values()) if (row.email === email && end(row, reason)) ended += 1;
      return ended;
    },
    async listOpen(idleSeconds): Promise<StaffSessionView[]> {
      return [...rows.values()]
        .filter((row) => !row.ended && row.expiresAtMs > now() && row.lastSeenAtMs > now() - idleSeconds * 1_000)
        .sort((a, b) => b.createdAtMs - a.createdAtMs)
        .map((row) => ({
          email: row.email,
          role: row.role,
          provider: row.provider,
          createdAt: new Date(row.createdAtMs).toISOString(),
          lastSeenAt: new Date(row.lastSeenAtMs).toISOString(),
          address: row.address,
          userAgent: row.userAgent,
        }));
    },
  };
}
