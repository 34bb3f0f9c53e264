// Test-only: the request a route handler's unit test plays, as a staff member's browser would send it.
// A route test has no real request scope (next/headers) and no real next-auth cookie reading, so it
// mocks both with the factories below and signs in with signInAs; the real session guard still runs.
// vi.mock stays in each test file (vitest hoists it there), as
//   vi.mock("next/headers", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextHeadersModule());
//   vi.mock("@/lib/auth/next-auth", async () => (await import("@/lib/auth/testing/fake-staff-request")).fakeNextAuthModule());
// Each test file gets its own module instance, so this state is never shared between files.
import { SESSION_COOKIE_NAMES } from "../session-cookie-name";

export interface FakeStaffSession {
  user: { email: string };
  expires: string;
}

/** What the next request carries: its Cookie header (none when null) and what next-auth reads from it. */
export const fakeStaffRequest = {
  cookie: null as string | null,
  session: null as FakeStaffSession | null,
};

let cookieCounter = 0;

/**
 * The next request comes from `email`'s browser. A fresh session cookie each time, because the guard
 * memoises its answer per cookie and an earlier test's answer must never stand in for this one.
 * `otherCookies` ride along after the session cookie.
 */
export function signInAs(email: string, otherCookies?: string): void {
  cookieCounter += 1;
  const sessionCookie = `${SESSION_COOKIE_NAMES[1]}=fake-staff-session-${cookieCounter}`;
  fakeStaffRequest.cookie = otherCookies === undefined ? sessionCookie : `${sessionCookie}; ${otherCookies}`;
  fakeStaffRequest.session = { user: { email }, expires: new Date(Date.now() + 3_600_000).toISOString() };
}

/** The next request carries no cookie and no session: a visitor. */
export function signOut(): void {
  fakeStaffRequest.cookie = null;
  fakeStaffRequest.session = null;
}

/** next/headers with the fake Cookie header, beside `extraHeaders` every request of the file carries. */
export function fakeNextHeadersModule(extraHeaders: Record<string, string> = {}) {
  return {
    headers: async () => new Headers(fakeStaffRequest.cookie === null ? extraHeaders : { ...extraHeaders, cookie: fakeStaffRequest.cookie }),
  };
}

/** lib/auth/next-auth whose auth() reads the fake session, opened on the session store so the guard admits it. */
export function fakeNextAuthModule() {
  return {
    // Imported when first asked, not with this module: the session store reads the environment the test
    // file stubs after its imports.
    auth: async () => (await import("./open-session")).withOpenSession(fakeStaffRequest.session),
    handlers: {},
    signIn: async () => undefined,
    signOut: async () => undefined,
  };
}
