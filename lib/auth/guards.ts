// The session checks every dashboard page and route handler performs itself (proxy.ts only redirects
// signed-out visitors as a convenience). A session counts while next-auth verifies its cookie, its
// email is still in STAFF_ACCOUNTS, and its record on the store is open (./session-liveness.ts: ended
// by sign-out, sign out everywhere, an admin, or idleness). What a signed-in staff member may do is
// their role's (./roles).
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { NextResponse } from "next/server";
import { RecorderUnavailableError } from "@/lib/db/recorded-source";
import { env } from "@/lib/env/server";
import { jsonError } from "@/lib/http/json";
import { auth } from "./next-auth";
import { processSingleton } from "./process-singleton";
import { sessionCookieDigest } from "./session-cookie";
import { type SessionRef, sessionRefIn } from "./session-id";
import { type StaffIdentity, staffIdentityOf } from "./session-identity";
import { isSessionOpen } from "./session-liveness";
import { SessionMemo } from "./session-memo";
import { redirectUntilEnrolled } from "./two-factor/requirement";

export interface StaffSession extends StaffIdentity {
  /** The session's record (lib/db/staff-sessions.ts) and the store that holds it. */
  session: SessionRef;
}

/** Far more than the staff who could be signed in at once; a bound, not a working size. */
const MEMO_CAPACITY = 2_000;

function sessionMemo(): SessionMemo<StaffSession> {
  return processSingleton("session-memo", () => new SessionMemo<StaffSession>(MEMO_CAPACITY));
}

/**
 * The signed-in staff member, or null; never redirects. Throws RecorderUnavailableError when the
 * store cannot say whether the session is still open (refused, never assumed open).
 */
export async function getStaffSession(): Promise<StaffSession | null> {
  const cookieDigest = sessionCookieDigest((await headers()).get("cookie"));
  if (cookieDigest === null) return null;
  let staff = sessionMemo().recall(cookieDigest, Date.now());
  if (!staff) {
    const session = await auth();
    const identity = staffIdentityOf(session, env());
    const ref = sessionRefIn(session);
    if (!session || !identity || ref === null) return null;
    staff = { ...identity, session: ref };
    // `expires` is the session JWT's own expiry (see the session callback in config.ts).
    sessionMemo().remember(cookieDigest, staff, Date.parse(session.expires), Date.now());
  }
  if (await isSessionOpen(staff.session, staff.email)) return staff;
  sessionMemo().forget(cookieDigest);
  return null;
}

/** The sign-in page, coming back to `returnTo` (a path with its query) afterwards. */
export function signInPathFor(returnTo: string | undefined): string {
  return returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in";
}

/** For pages and layouts: the signed-in staff member, or a redirect to /sign-in (back to `returnTo`). */
export async function requireStaffSession(returnTo?: string): Promise<StaffSession> {
  const staff = await getStaffSession();
  if (!staff) redirect(signInPathFor(returnTo));
  await redirectUntilEnrolled(staff, returnTo);
  return staff;
}

export type StaffApiGate = { ok: true; staff: StaffSession } | { ok: false; response: NextResponse };

/** For route handlers: the staff member, or a 401 JSON answer (503 when the session store cannot be reached) to return as is. */
export async function requireStaffApi(): Promise<StaffApiGate> {
  let staff: StaffSession | null;
  try {
    staff = await getStaffSession();
  } catch (error) {
    if (!(error instanceof RecorderUnavailableError)) throw error;
    return { ok: false, response: jsonError(503, "recorder_unavailable", `Staff sessions cannot be checked: ${error.message}`) };
  }
  if (staff) return { ok: true, staff };
  return { ok: false, response: jsonError(401, "unauthenticated", "Sign in to the dashboard first.") };
}
