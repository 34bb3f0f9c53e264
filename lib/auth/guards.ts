// The session checks every dashboard page and route handler performs itself (proxy.ts only redirects
// signed-out visitors as a convenience). A session whose email was removed from STAFF_ACCOUNTS no
// longer counts. What a signed-in staff member may do is their role's (./roles).
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { NextResponse } from "next/server";
import { env } from "@/lib/env/server";
import { jsonError } from "@/lib/http/json";
import { auth } from "./next-auth";
import { processSingleton } from "./process-singleton";
import { sessionCookieDigest } from "./session-cookie";
import { SessionMemo } from "./session-memo";
import { type StaffIdentity, staffIdentityOf } from "./session-identity";
import { redirectUntilEnrolled } from "./two-factor/requirement";

export type StaffSession = StaffIdentity;

/** Far more than the staff who could be signed in at once; a bound, not a working size. */
const MEMO_CAPACITY = 2_000;

function sessionMemo(): SessionMemo<StaffSession> {
  return processSingleton("session-memo", () => new SessionMemo<StaffSession>(MEMO_CAPACITY));
}

/** The signed-in staff member, or null; never redirects. */
export async function getStaffSession(): Promise<StaffSession | null> {
  const cookieDigest = sessionCookieDigest((await headers()).get("cookie"));
  if (cookieDigest === null) return null;
  const remembered = sessionMemo().recall(cookieDigest, Date.now());
  if (remembered) return remembered;
  const session = await auth();
  const staff = staffIdentityOf(session, env().staffAccounts);
  if (!session || !staff) return null;
  // `expires` is the session JWT's own expiry (see the session callback in config.ts).
  sessionMemo().remember(cookieDigest, staff, Date.parse(session.expires), Date.now());
  return staff;
}

/** For pages and layouts: the signed-in staff member, or a redirect to /sign-in (back to `returnTo`). */
export async function requireStaffSession(returnTo?: string): Promise<StaffSession> {
  const staff = await getStaffSession();
  if (!staff) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  await redirectUntilEnrolled(staff, returnTo);
  return staff;
}

export type StaffApiGate = { ok: true; staff: StaffSession } | { ok: false; response: NextResponse };

/** For route handlers: the staff member, or a 401 JSON answer to return as is. */
export async function requireStaffApi(): Promise<StaffApiGate> {
  const staff = await getStaffSession();
  if (staff) return { ok: true, staff };
  return { ok: false, response: jsonError(401, "unauthenticated", "Sign in to the dashboard first.") };
}
