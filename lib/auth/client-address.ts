// The address a request came from, for the sign-in limiter and the audit log.
// - TRUST_PROXY=true (a reverse proxy in front): the LAST `X-Forwarded-For` entry, the one the proxy
//   appended for the peer it saw (nginx `$proxy_add_x_forwarded_for`); entries before it are the
//   client's own words.
// - Otherwise: the TCP peer's address. `next start` writes it into `X-Forwarded-For` only when the
//   request brought none, so a client that sends its own header would choose its key; instead the
//   server stamps the socket's address into SOCKET_ADDRESS_HEADER for every request, overwriting
//   whatever the client sent (lib/http/request-stamp.ts, installed by instrumentation.ts).
import { parseProxySettings } from "@/lib/env/proxy";

export const SOCKET_ADDRESS_HEADER = "x-assetpay-ops-socket-address";

/** When the stamp is missing (a server started without instrumentation.ts): one shared key, never the client's. */
export const UNKNOWN_ADDRESS = "unknown";

let trustProxyFromEnv: boolean | undefined;

function trustProxySetting(): boolean {
  trustProxyFromEnv ??= parseProxySettings(process.env).trustProxy;
  return trustProxyFromEnv;
}

function lastEntry(value: string | null): string | undefined {
  return value?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
}

export function clientAddress(headers: Headers, trustProxy: boolean = trustProxySetting()): string {
  if (trustProxy) {
    const forwarded = lastEntry(headers.get("x-forwarded-for"));
    if (forwarded) return forwarded.slice(0, 64);
  }
  return headers.get(SOCKET_ADDRESS_HEADER)?.trim() || UNKNOWN_ADDRESS;
}
