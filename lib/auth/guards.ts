// The session checks every dashboard page and route handler performs itself (proxy.ts only redirects
// signed-out visitors as a convenience). A session whose email was removed from STAFF_ACCOUNTS no
// longer counts.
import "server-only";
import { redirect } from "next/navigation";
import type { NextResponse } from "next/server";
import { env } from "@/lib/assetpay/env";
import { jsonError } from "@/lib/http/json";
import { auth } from "./next-auth";
import { isStaffEmail } from "./staff-password";

export interface StaffSession {
  email: string;
}

/** The signed-in staff member, or null; never redirects. */
export async function getStaffSession(): Promise<StaffSession | null> {
  const session = await auth();
  const email = session?.user?.email;
  return email && isStaffEmail(env().staffAccounts, email) ? { email } : null;
}

/** For pages and layouts: the signed-in staff member, or a redirect to /sign-in (back to `returnTo`). */
export async function requireStaffSession(returnTo?: string): Promise<StaffSession> {
  const staff = await getStaffSession();
  if (!staff) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return staff;
}

export type StaffApiGate = { ok: true; staff: StaffSession } | { ok: false; response: NextResponse };

/** For route handlers: the staff member, or a 401 JSON answer to return as is. */
export async function requireStaffApi(): Promise<StaffApiGate> {
  const staff = await getStaffSession();
  if (staff) return { ok: true, staff };
  return { ok: false, response: jsonError(401, "unauthenticated", "Sign in to the dashboard first.") };
}
