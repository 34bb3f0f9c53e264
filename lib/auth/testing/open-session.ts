// Test-only: what next-auth's auth() returns for a signed-in staff member, with a session id whose
// record is open on the store the guard asks (in unit tests, the app process's own: no recorder runs),
// one per email. Route tests fake auth() with it so the real guard (lib/auth/guards.ts) admits them.
import { newSessionId } from "../session-id";
import { storeForNewSession } from "../session-store";

const opened = new Map<string, Promise<{ sid: string; sidWhere: string }>>();

function sessionFor(email: string): Promise<{ sid: string; sidWhere: string }> {
  let claims = opened.get(email);
  if (!claims) {
    const sid = newSessionId();
    const { key, store } = storeForNewSession();
    claims = store
      .open({ id: sid, email, role: null, provider: "credentials", expiresAt: new Date(Date.now() + 86_400_000).toISOString(), address: null, userAgent: null })
      .then(() => ({ sid, sidWhere: key }));
    opened.set(email, claims);
  }
  return claims;
}

export async function withOpenSession<S extends { user: { email: string } }>(session: S | null): Promise<(S & { sid: string; sidWhere: string }) | null> {
  return session ? { ...session, ...(await sessionFor(session.user.email.toLowerCase())) } : null;
}
