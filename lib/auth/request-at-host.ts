// next-auth's route handler builds its own URLs (the OpenID Connect redirect URI, where to go after a
// sign-in) from the request's URL, and `next start` gives route handlers its own listening address
// (http://localhost:<port>, 127.0.0.1 rewritten to localhost), not the one the browser used, while
// next-auth's server actions (the "Sign in with …" button) build them from the Host header. The
// provider then sees two redirect URIs and refuses the code, and the browser would land on another
// origin without its cookies. So the route is handed the request at the Host header's address
// (X-Forwarded-Host/-Proto first, as next-auth's server actions read them; trusted, as `trustHost` in
// config.ts says), as a plain Request because Next's own request class would rewrite 127.0.0.1 again.
// With AUTH_URL (or NEXTAUTH_URL) set, next-auth uses that instead and the request is left alone.
import type { NextRequest } from "next/server";

function firstValue(header: string | null): string | null {
  const value = header?.split(",")[0]?.trim();
  return value ? value : null;
}

export function requestAtHost(request: NextRequest, env: Readonly<Record<string, string | undefined>> = process.env): NextRequest {
  if (env.AUTH_URL || env.NEXTAUTH_URL) return request;
  const host = firstValue(request.headers.get("x-forwarded-host")) ?? firstValue(request.headers.get("host"));
  if (!host) return request;
  const current = new URL(request.url);
  const protocol = firstValue(request.headers.get("x-forwarded-proto"))?.replace(/:$/, "") ?? current.protocol.replace(/:$/, "");
  if (protocol !== "http" && protocol !== "https") return request;
  let origin: string;
  try {
    origin = new URL(`${protocol}://${host}`).origin;
  } catch {
    return request;
  }
  if (origin === current.origin) return request;
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const moved = new Request(`${origin}${current.pathname}${current.search}`, {
    method: request.method,
    headers: request.headers,
    // Streamed on, never read here: the handler's own body limits still apply.
    body: hasBody ? request.body : null,
    signal: request.signal,
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
  // next-auth reads only what Request has (url, method, headers, body) when AUTH_URL is unset.
  return moved as NextRequest;
}
