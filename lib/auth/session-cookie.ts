// The Auth.js session cookie of a request, as a digest: the key of the verified-session memo
// (./guards.ts), which must never let a cookie through that next-auth did not verify. Which cookies
// next-auth reads depends on the request: `__Secure-authjs.session-token` when the request looks like
// HTTPS (AUTH_URL, or the `x-forwarded-proto` a client may send), else `authjs.session-token`; and it
// joins every cookie whose name merely starts with that name (chunks `.0`, `.1`, but also any other
// suffix), the first of duplicate names winning (@auth/core's SessionStore and its cookie parser).
// So the digest covers every cookie whose name contains either name, with its value, whatever the
// request's protocol: whatever next-auth verified is inside it, and a request hits the memo only when
// it carries exactly those cookies again (a junk `__Secure-` cookie beside a valid plain one is part
// of the key, and never a key of its own). It never keeps or logs the cookie itself. Rate limits key
// on the staff member instead (./staff-rate-limit.ts): a client can change its cookies, not who it is.
import "server-only";
import { createHash } from "node:crypto";

/** Contained in both of Auth.js's session cookie names (see ./session-cookie-name.ts). */
const SESSION_COOKIE_STEM = "authjs.session-token";

/** SHA-256 (base64url) of every session-like cookie (name and value, in a stable order), or null without one. */
export function sessionCookieDigest(cookieHeader: string | null): string | null {
  const parts = (cookieHeader ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part.includes("=") && (part.split("=", 1)[0] ?? "").includes(SESSION_COOKIE_STEM))
    .sort();
  return parts.length === 0 ? null : createHash("sha256").update(parts.join(";")).digest("base64url");
}
