// The page's one Socket.IO connection to AssetPay (or the simulator), outside React. It owns the
// retry loop, the token handed to each attempt, and the truth about connection health; it pushes raw
// events to a sink (the live session's parsing edge) and never parses or renders anything itself.
//
// Why our own retry loop instead of Socket.IO's: AssetPay rejects a bad or expired token with a
// server-side disconnect (`io server disconnect`), which Socket.IO never retries by itself, and the
// banner must show the attempt number and when the next try happens — Socket.IO's internal backoff
// does not expose that. So reconnection is off in the client and every attempt (transport drop or auth
// failure) goes through `scheduleRetry`, which puts a valid token in the query before connecting.
import type { Socket } from "socket.io-client";
import { backoffDelayMs } from "@/lib/retry/backoff";
import type { ConnectionInfo, ConnectionState } from "@/lib/store/state";
import { SOCKET_EVENT_NAMES, type SocketEventName } from "@/lib/wire/socket-events";
import { SignedOutError, TokenFetchError, type ClientToken, type TokenCache } from "./token-cache";

export type ResyncReason = "connected" | "visible" | "online" | "snapshot" | "periodic" | "manual";

export interface LiveSink {
  pushEvent(event: SocketEventName, payload: unknown, receivedAt: number): void;
  setConnection(update: ConnectionInfo): void;
  /** A disconnect happened: what we hold may be stale until the next resync. */
  markUnverified(): void;
  requestResync(reason: ResyncReason): void;
}

export type SocketFactory = (wsUrl: string) => Socket;

export interface ConnectionManagerOptions {
  tokens: TokenCache;
  sink: LiveSink;
  createSocket: SocketFactory;
  now?: () => number;
  random?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** A server drop this soon after connecting, before any event, is read as a refused token (AssetPay SDK: ~1.5 s). */
  authProbationMs?: number;
}

export class ConnectionManager {
  private socket: Socket | null = null;
  private socketUrl: string | null = null;
  private connectedToken: string | null = null;
  private retryTimer: unknown = null;
  private attempt = 0;
  private connectedAt: number | null = null;
  private eventsSinceConnect = 0;
  /** Connected, but AssetPay may still refuse the token (it says so only by dropping us): not live yet. */
  private onProbation = false;
  private lastError: string | null = null;
  /** Bumped on every connect, so a probation timer left over from an earlier connection does nothing. */
  private connectSerial = 0;
  private running = false;
  private connecting = false;
  private state: ConnectionState = "connecting";
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly authProbationMs: number;

  constructor(private readonly options: ConnectionManagerOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.authProbationMs = options.authProbationMs ?? 1_500;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.report("connecting", null);
    void this.connect();
  }

  stop(): void {
    this.running = false;
    this.cancelRetry();
    this.socket?.disconnect();
  }

  /** The token cache minted a new token ahead of expiry: move the socket onto it before the old one lapses. */
  onTokenRefreshed(token: ClientToken): void {
    if (!this.running || !this.socket?.connected || token.token === this.connectedToken) return;
    // AssetPay checks the token only at connect, so the switch is a reconnect; the resync that follows
    // every connect covers the moment between the two sockets.
    this.report("reauthenticating", null);
    this.socket.disconnect();
    void this.connect();
  }

  /** The browser says the network is back: do not wait out the backoff. */
  onOnline(): void {
    if (!this.running || this.socket?.connected) return;
    this.cancelRetry();
    void this.connect();
  }

  onOffline(): void {
    if (!this.running) return;
    this.report("offline", "The browser reports no network connection");
  }

  /** A hidden tab became visible: events may have been throttled or lost meanwhile. */
  onVisible(): void {
    if (this.running && this.socket?.connected) this.options.sink.requestResync("visible");
  }

  private async connect(): Promise<void> {
    if (!this.running || this.connecting) return;
    this.connecting = true;
    try {
      const token = await this.options.tokens.get();
      if (!this.running) return;
      const socket = this.socketFor(token.wsUrl);
      // Read by the next engine the manager opens, so each attempt carries a token that is valid now.
      socket.io.opts.query = { token: token.token };
      this.connectedToken = token.token;
      socket.connect();
    } catch (error) {
      if (error instanceof SignedOutError) {
        this.running = false;
        this.report("signed-out", error.message);
        return;
      }
      const retryAfter = error instanceof TokenFetchError ? error.retryAfterMs : null;
      this.scheduleRetry(this.state === "reauthenticating" ? "reauthenticating" : "reconnecting", describe(error), retryAfter);
    } finally {
      this.connecting = false;
    }
  }

  private socketFor(wsUrl: string): Socket {
    if (this.socket && this.socketUrl === wsUrl) return this.socket;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    const socket = this.options.createSocket(wsUrl);
    this.bind(socket);
    this.socket = socket;
    this.socketUrl = wsUrl;
    return socket;
  }

  private bind(socket: Socket): void {
    socket.on("connect", () => {
      this.connectedAt = this.now();
      this.eventsSinceConnect = 0;
      this.cancelRetry();
      // AssetPay checks the token after the socket opens and refuses it by dropping us within ~1.5 s.
      // Until an event arrives or that window passes, the banner keeps saying what it said ("trying
      // now"), so it never shows "live" for a connection that is about to be refused, and the attempt
      // count keeps growing (with its backoff) while AssetPay keeps refusing.
      this.onProbation = true;
      this.report(this.state, this.lastError, null);
      const serial = ++this.connectSerial;
      this.setTimer(() => {
        if (serial === this.connectSerial) this.confirmLive();
      }, this.authProbationMs);
      this.options.sink.requestResync("connected");
    });
    socket.on("disconnect", (reason) => {
      this.onProbation = false;
      this.onDisconnect(String(reason));
    });
    socket.on("connect_error", (error: Error) => {
      this.scheduleRetry("reconnecting", `Could not connect to AssetPay: ${error.message}`, null);
    });
    for (const event of SOCKET_EVENT_NAMES) {
      socket.on(event, (payload: unknown) => {
        this.eventsSinceConnect += 1;
        this.options.sink.pushEvent(event, payload, this.now());
        if (this.onProbation) this.confirmLive();
      });
    }
  }

  /** The token was accepted: an event arrived, or the refusal window passed with the socket still open. */
  private confirmLive(): void {
    if (!this.running || !this.onProbation || !this.socket?.connected) return;
    this.onProbation = false;
    this.attempt = 0;
    this.report("live", null);
  }

  private onDisconnect(reason: string): void {
    if (!this.running || reason === "io client disconnect") return;
    this.options.sink.markUnverified();
    const quietDrop =
      this.connectedAt !== null && this.now() - this.connectedAt < this.authProbationMs && this.eventsSinceConnect === 0;
    if (reason === "io server disconnect" || quietDrop) {
      // AssetPay's way of refusing a token: get a new one before trying again.
      this.options.tokens.invalidate();
      this.scheduleRetry("reauthenticating", "AssetPay closed the connection: the client token was refused or expired", null);
      return;
    }
    this.scheduleRetry("reconnecting", `Connection lost (${reason})`, null);
  }

  private scheduleRetry(state: "reconnecting" | "reauthenticating", error: string, minDelayMs: number | null): void {
    if (!this.running) return;
    this.cancelRetry();
    this.attempt += 1;
    // The first re-authentication is immediate: an expired token is the common case and a new one fixes it.
    const backoff = state === "reauthenticating" && this.attempt === 1 ? 0 : backoffDelayMs(this.attempt, this.random());
    const delay = Math.max(backoff, minDelayMs ?? 0);
    const offline = typeof navigator !== "undefined" && navigator.onLine === false;
    this.report(offline ? "offline" : state, error, this.now() + delay);
    this.retryTimer = this.setTimer(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  private cancelRetry(): void {
    if (this.retryTimer !== null) this.clearTimer(this.retryTimer);
    this.retryTimer = null;
  }

  private report(state: ConnectionState, lastError: string | null, nextRetryAt: number | null = null): void {
    this.state = state;
    this.lastError = lastError;
    this.options.sink.setConnection({
      state,
      attempt: this.attempt,
      nextRetryAt,
      lastError,
      connectedAt: state === "live" ? this.connectedAt : null,
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
