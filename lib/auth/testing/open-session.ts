// Test-only: what next-auth's auth() returns for a signed-in staff member, with a session id whose
// record is open on the store the guard asks (in unit tests, the app process's own: no recorder runs),
// one per email. Route tests fake auth() with it so the real guard (lib/auth/guards.ts) admits them.
import { newSessionId } from "../session-id";
import { staffSessionStore } from "../session-store";

const opened = new Map<string, Promise<string>>();

function sessionIdFor(email: string): Promise<string> {
  let id = opened.get(email);
  if (!id) {
    const sid = newSessionId();
    id = staffSessionStore()
      .open({ id: sid, email, role: null, provider: "credentials", expiresAt: new Date(Date.now() + 86_400_000).toISOString(), address: null, userAgent: null })
      .then(() => sid);
    opened.set(email, id);
  }
  return id;
}

export async function withOpenSession<S extends { user: { email: string } }>(session: S | null): Promise<(S & { sid: string }) | null> {
  return session ? { ...session, sid: await sessionIdFor(session.user.email.toLowerCase()) } : null;
}
