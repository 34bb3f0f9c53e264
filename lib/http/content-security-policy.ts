// The Content-Security-Policy every page is served with (set per request in proxy.ts). Scripts run
// only with this request's nonce (Next.js stamps it on its own scripts) or when loaded by one of them
// ('strict-dynamic'); the page may connect only to its own origin and the configured Socket.IO origin;
// nothing may frame it. Pure: the caller supplies the nonce and the socket URL.

export interface CspOptions {
  nonce: string;
  /** ASSETPAY_WS_URL (or the API URL it defaults to); null when unknown (then only 'self'). */
  socketUrl: string | null;
  /** `next dev` needs eval for its error overlay; production never does. */
  dev?: boolean;
  /**
   * AUTH_OIDC_ISSUER, when single sign-on is on: the "Sign in with …" form's post is answered with a
   * redirect to the provider, and browsers hold a form's redirects to form-action too.
   */
  ssoIssuer?: string | null;
}

/**
 * The socket origin in both spellings the browser may use for it: Socket.IO is configured with an
 * http(s) URL but opens ws(s) connections, and CSP matches schemes literally (CSP3 lets `http:`
 * sources match ws:, but not every browser does), so both are listed.
 */
export function socketOrigins(socketUrl: string | null): string[] {
  if (!socketUrl) return [];
  let url: URL;
  try {
    url = new URL(socketUrl);
  } catch {
    return [];
  }
  const secure = url.protocol === "https:" || url.protocol === "wss:";
  if (!["http:", "https:", "ws:", "wss:"].includes(url.protocol)) return [];
  const host = url.host;
  return [`${secure ? "https" : "http"}://${host}`, `${secure ? "wss" : "ws"}://${host}`];
}

/** The issuer's origin, or nothing when there is none or it is not an http(s) URL. */
function issuerOrigins(issuer: string | null | undefined): string[] {
  if (!issuer || !URL.canParse(issuer)) return [];
  const url = new URL(issuer);
  return url.protocol === "https:" || url.protocol === "http:" ? [url.origin] : [];
}

export function contentSecurityPolicy({ nonce, socketUrl, dev = false, ssoIssuer = null }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // <style> elements need the nonce; style="" attributes (React renders them on the server for row
    // heights and grid templates) cannot carry one, and CSS in an attribute cannot run script.
    ["style-src", "'self'", `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    // data: for the favicon with the alerts badge, drawn on a canvas (components/alerts/favicon-badge.ts);
    // an image cannot run script.
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...socketOrigins(socketUrl)],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...issuerOrigins(ssoIssuer)],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** 128 random bits, base64: unguessable and unique per request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
