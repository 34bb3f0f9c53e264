// Runs once when the Next.js server starts (Node.js runtime only): installs the request stamp that
// records each request's socket address and sends HSTS over HTTPS (lib/http/request-stamp.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseProxySettings } = await import("@/lib/env/proxy");
  const { installRequestStamp } = await import("@/lib/http/request-stamp");
  let trustProxy = false;
  try {
    trustProxy = parseProxySettings(process.env).trustProxy;
  } catch {
    // A malformed TRUST_PROXY: trust nothing; the settings check names the variable on the first request.
  }
  installRequestStamp(trustProxy);
}
