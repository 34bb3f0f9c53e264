// The Socket.IO v4 side (docs/assetpay-api.md#socket): websocket transport only, credentials in the handshake query (`apiKey`
// or `token`), checked right after connect. A bad or expired credential gets a plain server
// disconnect (client reason "io server disconnect") with no event and no error payload, as the SDK
// describes; good sockets join the merchant room and receive every emission from the engine.

import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import type { Engine } from "./engine/engine";
import type { Clock } from "./engine/time";
import { sameSecret } from "./rest/api-key";
import type { TokenGate } from "./token-gate";

export interface SocketDeps {
  engine: Engine;
  apiKey: string;
  merchantId: string;
  gate: TokenGate;
  clock: Clock;
  disconnectOnExpiry: boolean;
}

export interface SocketLayer {
  io: Server;
  connected(): { total: number; token: number; apiKey: number };
  /** Server-side disconnect of every socket. */
  dropAll(): number;
  /** Server-side disconnect of every token socket (after the gate's cut-off). */
  dropTokenSockets(): number;
  /** While on, api-key sockets (the recorder's) are dropped and refused like a bad credential; returns how many were dropped. */
  refuseApiKey(refuse: boolean): number;
  close(): Promise<void>;
}

const querySchema = z.object({
  token: z.string().min(1).optional(),
  apiKey: z.string().min(1).optional(),
});

/** setTimeout's ceiling (~24.8 days); longer waits are re-armed. */
const MAX_TIMER_MS = 2_147_483_647;

export function attachSockets(httpServer: HttpServer, deps: SocketDeps): SocketLayer {
  const io = new Server(httpServer, { path: "/socket.io", transports: ["websocket"], serveClient: false });
  const room = `merchant:${deps.merchantId}`;
  const tokenSockets = new Map<string, Socket>();
  const expiryTimers = new Map<string, NodeJS.Timeout>();
  let refusingApiKey = false;

  function armExpiry(socket: Socket, expMs: number): void {
    const wait = expMs - deps.clock.now();
    const timer = setTimeout(() => {
      if (expMs - deps.clock.now() > 0) armExpiry(socket, expMs);
      else socket.disconnect(true);
    }, Math.min(Math.max(wait, 0), MAX_TIMER_MS));
    timer.unref();
    expiryTimers.set(socket.id, timer);
  }

  io.on("connection", (socket) => void admit(socket));

  /** Checks the socket's credential; only then does it join the room, so a refused socket sees no event. */
  async function admit(socket: Socket): Promise<void> {
    const query = querySchema.safeParse(socket.handshake.query);
    const { token, apiKey } = query.success ? query.data : {};
    let expMs: number | undefined;
    let ok = false;
    if (token !== undefined) {
      const result = await deps.gate.check(token);
      ok = result.ok;
      if (result.ok) expMs = result.payload.exp * 1000;
    } else if (apiKey !== undefined) {
      ok = !refusingApiKey && sameSecret(apiKey, deps.apiKey);
    }
    if (!ok) {
      socket.disconnect(true);
      return;
    }
    if (socket.disconnected) return; // the client left while its token was being checked
    void socket.join(room);
    if (expMs !== undefined) {
      tokenSockets.set(socket.id, socket);
      if (deps.disconnectOnExpiry) armExpiry(socket, expMs);
    }
    socket.on("disconnect", () => {
      tokenSockets.delete(socket.id);
      const timer = expiryTimers.get(socket.id);
      if (timer) clearTimeout(timer);
      expiryTimers.delete(socket.id);
    });
  }

  const unsubscribe = deps.engine.onEmission(({ event, payload }) => {
    io.to(room).emit(event, payload);
  });

  return {
    io,
    connected: () => {
      const total = io.of("/").sockets.size;
      return { total, token: tokenSockets.size, apiKey: total - tokenSockets.size };
    },
    dropAll: () => {
      const count = io.of("/").sockets.size;
      io.disconnectSockets(true);
      return count;
    },
    dropTokenSockets: () => {
      const sockets = [...tokenSockets.values()];
      for (const socket of sockets) socket.disconnect(true);
      return sockets.length;
    },
    refuseApiKey: (refuse) => {
      refusingApiKey = refuse;
      if (!refuse) return 0;
      const apiKeySockets = [...io.of("/").sockets.values()].filter((socket) => !tokenSockets.has(socket.id));
      for (const socket of apiKeySockets) socket.disconnect(true);
      return apiKeySockets.length;
    },
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const timer of expiryTimers.values()) clearTimeout(timer);
        expiryTimers.clear();
        void io.close(() => resolve());
      }),
  };
}
