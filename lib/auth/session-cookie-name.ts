// The names of Auth.js's session cookie (its defaults; lib/auth/config.ts sets none of its own), for
// code that looks for the cookie without next-auth: proxy.ts and session-cookie.ts. No `server-only`
// and no Node APIs, so proxy.ts can import it.

/** `__Secure-` when served over HTTPS; looked for first. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** Whether `name` is the cookie `base` or one of the chunks next-auth splits a large one into (`base.0`, `base.1`, …). */
export function isChunkOfCookie(name: string, base: string): boolean {
  return name === base || name.startsWith(`${base}.`);
}

export function isSessionCookieName(name: string): boolean {
  return SESSION_COOKIE_NAMES.some((base) => isChunkOfCookie(name, base));
}
