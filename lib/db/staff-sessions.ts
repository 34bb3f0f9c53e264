// Staff sessions on the store (table staff_sessions, migration 8): opened at sign-in, checked on every
// request that is not answered from the app's few-second memo (lib/auth/session-liveness.ts), ended by
// sign-out, "sign out everywhere", an admin, or idleness. An ended row never opens again, so a copy
// of an ended session's cookie is refused by every instance that asks. The same rules, kept in an app
// process with no store to ask, are ./staff-sessions-memory.ts; ./staff-sessions.test.ts holds both
// to one behaviour.
import "server-only";
import type { Queryable } from "./database";
import { isoFromDb } from "./sql-values";
import { noteStaffRole } from "./staff-roles";

export const SESSION_END_REASONS = ["sign-out", "sign-out-everywhere", "revoked", "idle"] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** last_seen_at is written at most this often per session, not on every request. */
export const TOUCH_EVERY_SECONDS = 60;

export interface NewStaffSession {
  id: string;
  email: string;
  role: string | null;
  /** "credentials", or the single sign-on provider's id. */
  provider: string;
  /** ISO; the session JWT's own expiry. */
  expiresAt: string;
  address: string | null;
  userAgent: string | null;
}

export type SessionCheck =
  | { state: "open" }
  /** `endedNow`: this check found it idle and ended it (whoever ends it records that, once). */
  | { state: "ended"; email: string | null; reason: string | null; endedNow: boolean };

/** An open session as the admin's Staff sessions table shows it (no id: it names, it does not end). */
export interface StaffSessionView {
  email: string;
  role: string | null;
  provider: string;
  createdAt: string;
  lastSeenAt: string;
  address: string | null;
  userAgent: string | null;
}

/** What every backend of staff sessions does (this store, and the app's own memory without one). */
export interface StaffSessionStore {
  /** Records a new session; the role this email signed in with before (null: none known, or no role). */
  open(session: NewStaffSession): Promise<{ previousRole: string | null }>;
  /** Whether `id` is open; ends it (reason "idle") when it has had no request for `idleSeconds`. */
  check(id: string, idleSeconds: number): Promise<SessionCheck>;
  /** Ends one open session; its email, or null when it was not open. */
  end(id: string, reason: SessionEndReason): Promise<{ email: string } | null>;
  /** Ends every open session of `email`; how many. */
  endAllOf(email: string, reason: SessionEndReason): Promise<number>;
  /** Open, unexpired and not idle, newest first. */
  listOpen(idleSeconds: number): Promise<StaffSessionView[]>;
}

/** Rows this long past their session's expiry are deleted (at the next sign-in). */
const KEEP_AFTER_EXPIRY = "1 day";

export async function openStaffSession(db: Queryable, session: NewStaffSession): Promise<{ previousRole: string | null }> {
  await db.query(`DELETE FROM staff_sessions WHERE expires_at < now() - interval '${KEEP_AFTER_EXPIRY}'`);
  await db.query(
    `INSERT INTO staff_sessions (id, email, role, provider, expires_at, address, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [session.id, session.email, session.role, session.provider, session.expiresAt, session.address, session.userAgent],
  );
  if (session.role === null) return { previousRole: null };
  return { previousRole: await noteStaffRole(db, { email: session.email, role: session.role, provider: session.provider }) };
}

interface CheckRow {
  email: string;
  ended: boolean;
  end_reason: string | null;
  lapsed: boolean;
  idle: boolean;
  stale: boolean;
}

export async function checkStaffSession(db: Queryable, id: string, idleSeconds: number): Promise<SessionCheck> {
  const [row] = await db.query<CheckRow>(
    `SELECT email, ended_at IS NOT NULL AS ended, end_reason, expires_at <= now() AS lapsed,
            last_seen_at <= now() - $2::double precision * interval '1 second' AS idle,
            last_seen_at <= now() - $3::double precision * interval '1 second' AS stale
       FROM staff_sessions WHERE id = $1`,
    [id, idleSeconds, TOUCH_EVERY_SECONDS],
  );
  if (!row) return { state: "ended", email: null, reason: null, endedNow: false };
  if (row.ended) return { state: "ended", email: row.email, reason: row.end_reason, endedNow: false };
  if (row.lapsed) return { state: "ended", email: row.email, reason: "expired", endedNow: false };
  if (row.idle) {
    const ended = await endStaffSession(db, id, "idle");
    return { state: "ended", email: row.email, reason: "idle", endedNow: ended !== null };
  }
  if (row.stale) await db.query("UPDATE staff_sessions SET last_seen_at = now() WHERE id = $1 AND ended_at IS NULL", [id]);
  return { state: "open" };
}

export async function endStaffSession(db: Queryable, id: string, reason: SessionEndReason): Promise<{ email: string } | null> {
  const [row] = await db.query<{ email: string }>(
    "UPDATE staff_sessions SET ended_at = now(), end_reason = $2 WHERE id = $1 AND ended_at IS NULL RETURNING email",
    [id, reason],
  );
  return row ? { email: row.email } : null;
}

export async function endStaffSessionsOf(db: Queryable, email: string, reason: SessionEndReason): Promise<number> {
  const rows = await db.query<{ id: string }>(
    "UPDATE staff_sessions SET ended_at = now(), end_reason = $2 WHERE email = $1 AND ended_at IS NULL RETURNING id",
    [email, reason],
  );
  return rows.length;
}

interface ViewRow {
  email: string;
  role: string | null;
  provider: string;
  created_at: unknown;
  last_seen_at: unknown;
  address: string | null;
  user_agent: string | null;
}

export async function listOpenStaffSessions(db: Queryable, idleSeconds: number): Promise<StaffSessionView[]> {
  const rows = await db.query<ViewRow>(
    `SELECT email, role, provider, created_at, last_seen_at, address, user_agent FROM staff_sessions
      WHERE ended_at IS NULL AND expires_at > now() AND last_seen_at > now() - $1::double precision * interval '1 second'
      ORDER BY created_at DESC LIMIT 1000`,
    [idleSeconds],
  );
  return rows.map((row) => ({
    email: row.email,
    role: row.role,
    provider: row.provider,
    createdAt: isoFromDb(row.created_at),
    lastSeenAt: isoFromDb(row.last_seen_at),
    address: row.address,
    userAgent: row.user_agent,
  }));
}

export function staffSessionStoreOver(db: Queryable): StaffSessionStore {
  return {
    open: (session) => openStaffSession(db, session),
    check: (id, idleSeconds) => checkStaffSession(db, id, idleSeconds),
    end: (id, reason) => endStaffSession(db, id, reason),
    endAllOf: (email, reason) => endStaffSessionsOf(db, email, reason),
    listOpen: (idleSeconds) => listOpenStaffSessions(db, idleSeconds),
  };
}
