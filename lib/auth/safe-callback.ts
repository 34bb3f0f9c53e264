// Where to send a staff member after sign-in: only a path on this site, never another origin
// (`//evil.example`, `https://evil.example`, `/\evil.example`) and never back to the auth pages.
export const DEFAULT_AFTER_SIGN_IN = "/board";

export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return DEFAULT_AFTER_SIGN_IN;
  }
  let url: URL;
  try {
    url = new URL(value, "http://dashboard.invalid");
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== "http://dashboard.invalid") return DEFAULT_AFTER_SIGN_IN;
  if (url.pathname.startsWith("/sign-in") || url.pathname.startsWith("/api/")) return DEFAULT_AFTER_SIGN_IN;
  return `${url.pathname}${url.search}${url.hash}`;
}
