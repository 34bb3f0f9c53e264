// Runs before every page and API route. For API routes it only refuses paths Next.js cannot decode
// (`/api/trades/%E0%A4%A/history`), which Next would answer with a bare 500 before any handler ran.
// For pages: (1) sets the page's Content-Security-Policy with a fresh nonce, which
// Next.js reads from the request and stamps on its own scripts; (2) as a convenience, sends visitors
// without a session cookie to /sign-in before rendering anything. It does not verify the cookie;
// every page and route handler checks the session itself. The other security headers, which never
// change, come from next.config.js for every response.
import { NextResponse, type NextRequest } from "next/server";
import { parseEnv } from "@/lib/env/server-env";
import { PAGE_PATH_HEADER } from "@/lib/auth/page-path";
import { isSessionCookieName } from "@/lib/auth/session-cookie-name";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";
import { hasUndecodableSegment } from "@/lib/http/path-id";

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some(({ name }) => isSessionCookieName(name));
}

let configured: { socketUrl: string | null; ssoIssuer: string | null } | undefined;

/**
 * The Socket.IO origin the browser will use and the single sign-on issuer, read once. Bad
 * configuration: only 'self' (the page reports the error).
 */
function configuredOrigins(): { socketUrl: string | null; ssoIssuer: string | null } {
  if (configured === undefined) {
    try {
      const settings = parseEnv(process.env);
      configured = { socketUrl: settings.wsUrl, ssoIssuer: settings.oidc?.issuer ?? null };
    } catch {
      configured = { socketUrl: null, ssoIssuer: null };
    }
  }
  return configured;
}

function isSignInPage(pathname: string): boolean {
  return pathname === "/sign-in" || pathname.startsWith("/sign-in/");
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) {
    if (!hasUndecodableSegment(pathname)) return NextResponse.next();
    return NextResponse.json(
      { error: { code: "invalid_id", message: "The path is not valid percent-encoded UTF-8." } },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  }
  if (!isSignInPage(pathname) && !hasSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    ...configuredOrigins(),
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set(PAGE_PATH_HEADER, `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages (sign-in included) and /api (only the path check above: route handlers answer 401 JSON
  // themselves; their headers come from next.config.js), not assets.
  matcher: ["/api/:path*", "/((?!api/|_next/|favicon\\.ico|robots\\.txt|.*\\.[A-Za-z0-9]+$).*)"],
};
