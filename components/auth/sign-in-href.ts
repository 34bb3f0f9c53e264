// The sign-in page's address that comes back to exactly this view afterwards: path, filters and the
// open trade (`?trade=`) ride along in callbackUrl, which the sign-in checks (lib/auth/safe-callback.ts).
export function signInHref(location: { pathname: string; search: string }): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(`${location.pathname}${location.search}`)}`;
}
