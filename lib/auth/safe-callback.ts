// Where to send a staff member after sign-in: only a path on this site, never another origin
// (`//evil.example`, `https://evil.example`, `/\evil.example`, `/.//evil.example`) and never back to
// the auth pages. The checks run on the NORMALISED path the redirect will carry: URL parsing turns
// `/.//evil.example` into `//evil.example`, which a browser reads as another host.
export const DEFAULT_AFTER_SIGN_IN = "/board";

const BASE = "http://dashboard.invalid";

function isOwnPath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return false;
  // Control characters and spaces are stripped or rewritten by URL parsers in ways a check cannot follow.
  if (/[\u0000-\u0020\u007f]/.test(path)) return false;
  try {
    return new URL(path, BASE).origin === BASE;
  } catch {
    return false;
  }
}

export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !isOwnPath(value)) return DEFAULT_AFTER_SIGN_IN;
  const url = new URL(value, BASE);
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Checked again after normalisation: dot segments can turn a harmless path into `//host`.
  if (!isOwnPath(path)) return DEFAULT_AFTER_SIGN_IN;
  if (url.pathname.startsWith("/sign-in") || url.pathname.startsWith("/api/")) return DEFAULT_AFTER_SIGN_IN;
  return path;
}
