// The Auth.js session cookie of a request, as a digest: a stable key for per-session state (the
// token rate limit, the verified-session memo) that never keeps or logs the cookie itself.
import "server-only";
import { createHash } from "node:crypto";

// `__Secure-` when served over HTTPS; next-auth splits large cookies into `name.0`, `name.1`, …
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

/** SHA-256 (base64url) of the session cookie with all its chunks in order, or null without one. */
export function sessionCookieDigest(cookieHeader: string | null): string | null {
  const cookies = (cookieHeader ?? "").split(";").map((part) => part.trim());
  for (const base of SESSION_COOKIES) {
    const parts = cookies.filter((c) => c.startsWith(`${base}=`) || c.startsWith(`${base}.`)).sort();
    if (parts.length > 0) return createHash("sha256").update(parts.join(";")).digest("base64url");
  }
  return null;
}
