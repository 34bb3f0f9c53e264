// What the server itself knows about each request, written onto it before Next.js sees it: the TCP
// peer's address in SOCKET_ADDRESS_HEADER (overwriting any such header the client sent), because route
// handlers and server actions only see headers, and `next start` keeps a client's own
// `X-Forwarded-For` (lib/auth/client-address.ts).
// Node publishes `http.server.request.start` synchronously before the server's "request" event, so
// this runs before Next's handler for every request. Installed once from instrumentation.ts.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";

interface RequestStart {
  request: IncomingMessage;
  response: ServerResponse;
  socket: Socket;
}

export function stampRequest({ request, socket }: RequestStart, _trustProxy: boolean): void {
  request.headers[SOCKET_ADDRESS_HEADER] = socket.remoteAddress ?? "unknown";
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
