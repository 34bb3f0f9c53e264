// The recorder's own Socket.IO connection to AssetPay, authenticated with the merchant API key (it joins
// the same merchant room as the browsers, so it hears every trade and funding change). Socket.IO retries
// transport drops itself; a server-side disconnect (AssetPay's way of refusing a credential, or a
// deliberate drop) is never retried by Socket.IO, so we retry it here with backoff. Every (re)connect
// is reported so the recorder reconciles the gap. Never log the API key: it travels in the query.
import "server-only";
import { io, type Socket } from "socket.io-client";
import { backoffDelayMs, type BackoffPolicy } from "@/lib/retry/backoff";
import { SOCKET_EVENT_NAMES, type SocketEventName } from "@/lib/wire/socket-events";

/** After a server-side drop: quick at first (a deliberate drop), slower if AssetPay keeps refusing. */
const SERVER_DROP_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };
/** A connection that lived this long resets the backoff. */
const STABLE_AFTER_MS = 30_000;

export interface RecorderSocketHandlers {
  onEvent(event: SocketEventName, payload: unknown, receivedAt: number): void;
  onConnected(reconnect: boolean): void;
  onDisconnected(reason: string): void;
}

export interface RecorderSocket {
  connected(): boolean;
  stop(): void;
}

export type SocketFactory = (url: string, apiKey: string) => Socket;

const defaultFactory: SocketFactory = (url, apiKey) =>
  io(url, {
    // AssetPay serves only the websocket transport.
    transports: ["websocket"],
    query: { apiKey },
    reconnection: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 30_000,
    randomizationFactor: 0.5,
    autoConnect: false,
  });

export function connectRecorderSocket(
  url: string,
  apiKey: string,
  handlers: RecorderSocketHandlers,
  factory: SocketFactory = defaultFactory,
): RecorderSocket {
  const socket = factory(url, apiKey);
  let stopped = false;
  let everConnected = false;
  let connectedAt = 0;
  let serverDrops = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;

  socket.on("connect", () => {
    const reconnect = everConnected;
    everConnected = true;
    connectedAt = Date.now();
    handlers.onConnected(reconnect);
  });
  socket.on("disconnect", (reason) => {
    if (stopped) return;
    handlers.onDisconnected(String(reason));
    if (reason !== "io server disconnect") return;
    serverDrops = Date.now() - connectedAt > STABLE_AFTER_MS ? 1 : serverDrops + 1;
    const delay = backoffDelayMs(serverDrops, Math.random(), SERVER_DROP_BACKOFF);
    retry = setTimeout(() => {
      retry = null;
      if (!stopped) socket.connect();
    }, delay);
  });
  socket.on("connect_error", (error: Error) => {
    if (!stopped) handlers.onDisconnected(`could not connect: ${error.message}`);
  });
  for (const event of SOCKET_EVENT_NAMES) socket.on(event, (payload: unknown) => handlers.onEvent(event, payload, Date.now()));
  socket.connect();

  return {
    connected: () => socket.connected,
    stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
