// Refuses cross-site calls to state-changing or secret-minting routes. Browsers send `Sec-Fetch-Site`
// and `Origin` on every POST; when both are absent the caller is not a browser (curl, a test's request
// context), which cannot ride on a victim's cookies, so it is let through to the session check.
export function isSameOrigin(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? headers.get("host");
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // includes the literal `Origin: null` of sandboxed frames
  }
}
