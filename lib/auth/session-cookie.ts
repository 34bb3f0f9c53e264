// The Auth.js session cookie of a request, as a digest: a stable key for per-session state (the
// verified-session memo) that never keeps or logs the cookie itself. Rate limits key on the staff
// member instead (./staff-rate-limit.ts): a client can change its cookies, not who it is.
import "server-only";
import { createHash } from "node:crypto";
import { isChunkOfCookie, SESSION_COOKIE_NAMES } from "./session-cookie-name";

/** SHA-256 (base64url) of the session cookie with all its chunks in order, or null without one. */
export function sessionCookieDigest(cookieHeader: string | null): string | null {
  const cookies = (cookieHeader ?? "").split(";").map((part) => part.trim());
  for (const base of SESSION_COOKIE_NAMES) {
    const parts = cookies.filter((pair) => isChunkOfCookie(pair.split("=", 1)[0] ?? "", base)).sort();
    if (parts.length > 0) return createHash("sha256").update(parts.join(";")).digest("base64url");
  }
  return null;
}
