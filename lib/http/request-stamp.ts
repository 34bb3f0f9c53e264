// What the server itself knows about each request, written onto it before Next.js sees it:
// - the TCP peer's address in SOCKET_ADDRESS_HEADER (overwriting any such header the client sent),
//   because route handlers and server actions only see headers, and `next start` keeps a client's own
//   `X-Forwarded-For` (lib/auth/client-address.ts);
// - `Strict-Transport-Security` on every response to a request that came over HTTPS: a TLS socket,
//   or `X-Forwarded-Proto: https` from a trusted proxy (TRUST_PROXY). Never on plain http, where a
//   browser ignores it anyway and a client could claim the proto itself.
// Node publishes `http.server.request.start` synchronously before the server's "request" event, so
// this runs before Next's handler for every request. Installed once from instrumentation.ts.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";

export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

interface RequestStart {
  request: IncomingMessage;
  response: ServerResponse;
  socket: Socket;
}

export function servedOverHttps(request: Pick<IncomingMessage, "headers">, socket: Socket, trustProxy: boolean): boolean {
  if ("encrypted" in socket && socket.encrypted === true) return true;
  if (!trustProxy) return false;
  const proto = request.headers["x-forwarded-proto"];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(",")[0]?.trim().toLowerCase();
  return first === "https";
}

export function stampRequest({ request, response, socket }: RequestStart, trustProxy: boolean): void {
  request.headers[SOCKET_ADDRESS_HEADER] = socket.remoteAddress ?? "unknown";
  if (servedOverHttps(request, socket, trustProxy)) response.setHeader("Strict-Transport-Security", HSTS_VALUE);
}

const INSTALLED = Symbol.for("assetpay-ops.request-stamp");

export function installRequestStamp(trustProxy: boolean): void {
  const holder = globalThis as { [INSTALLED]?: true };
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  subscribe("http.server.request.start", (message) => {
    try {
      stampRequest(message as RequestStart, trustProxy);
    } catch (error) {
      // A subscriber's throw would become an uncaught exception; the request goes on without the stamp.
      console.warn(`[request-stamp] ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
