// The address of the page being rendered (path and query), handed from proxy.ts to the dashboard layout
// in a request header: layouts get no search params, and a layout that sends a signed-out person to
// sign in must still bring them back to the exact view. proxy.ts always overwrites the header, and the
// sign-in checks any callbackUrl anyway (safe-callback.ts), so a forged one leads nowhere but this site.
export const PAGE_PATH_HEADER = "x-ops-page-path";
