// The page's one Socket.IO connection to AssetPay (or the simulator), outside React. It owns the
// retry loop, the token handed to each attempt, and the truth about connection health; it pushes raw
// events to a sink (the live session's parsing edge) and never parses or renders anything itself.
//
// Why our own retry loop instead of Socket.IO's: AssetPay rejects a bad or expired token with a
// server-side disconnect (`io server disconnect`), which Socket.IO never retries by itself, and the
// banner must show the attempt number and when the next try happens — Socket.IO's internal backoff
// does not expose that. So reconnection is off in the client and every attempt (transport drop or auth
// failure) goes through `scheduleRetry`, which puts a valid token in the query before connecting.
//
// A server-side drop means one of two things (docs/assetpay-api.md#socket-refusal, #socket-drops): within
// the refusal window and before any event, AssetPay refused the token; later, AssetPay closed an
// accepted socket (a deploy), which is retried within about a second like AssetPay's SDK does, with
// the same token. A fresh token is put to use make-before-break: the new socket opens beside the old
// one, which is closed only once the new one is accepted, so the feed has no gap and the banner stays
// Live (events seen on both are duplicates the store ignores).
import type { Socket } from "socket.io-client";
import { backoffDelayMs } from "@/lib/retry/backoff";
import type { ConnectionCause, ConnectionInfo, ConnectionState } from "@/lib/store/state";
import { SOCKET_EVENT_NAMES, type SocketEventName } from "@/lib/wire/socket-events";
import { SignedOutError, TokenFetchError, type ClientToken, type TokenCache } from "./token-cache";

export type ResyncReason = "connected" | "visible" | "online" | "snapshot" | "periodic" | "manual" | "follow-up";

export interface LiveSink {
  pushEvent(event: SocketEventName, payload: unknown, receivedAt: number): void;
  setConnection(update: ConnectionInfo): void;
  /** A disconnect happened: what we hold may be stale until the next resync. */
  markUnverified(): void;
  requestResync(reason: ResyncReason): void;
}

/** Each call must return a new socket with its own engine: the token swap holds two at once. */
export type SocketFactory = (wsUrl: string) => Socket;

/** What AssetPay's `GET /health` (through our route) says while reconnecting keeps failing. */
export type HealthVerdict = "maintenance" | "up" | "unknown";

/** Failed attempts in a row before asking AssetPay's health why. */
export const HEALTH_CHECK_AFTER_ATTEMPTS = 3;
/** At most one health question per this interval per tab; our route caches AssetPay's answer too. */
const HEALTH_CHECK_INTERVAL_MS = 15_000;

/** AssetPay's SDK reconnects a server-closed socket after a random 250–1,250 ms; so do we. */
export function serverCloseDelayMs(random: number): number {
  return 250 + Math.round(1_000 * random);
}

interface Candidate {
  socket: Socket;
  wsUrl: string;
  token: string;
  connectedAt: number | null;
  events: number;
}

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
  /** Asks AssetPay's health (through our server) why reconnecting keeps failing. */
  checkHealth?: () => Promise<HealthVerdict>;
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
  private cause: ConnectionCause | null = null;
  private nextRetryAt: number | null = null;
  /** The socket on a fresh token, open beside the current one until AssetPay accepts it. */
  private candidate: Candidate | null = null;
  private swapRetryTimer: unknown = null;
  private lastHealthCheckAt: number | null = null;
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
    this.discardCandidate();
    this.socket?.disconnect();
  }

  /**
   * The token cache minted a new token ahead of expiry: move onto it before the old one lapses. AssetPay
   * checks a token only at connect, so that takes a second socket; the old one closes once it is accepted.
   * When not live, the next attempt picks the fresh token up by itself.
   */
  onTokenRefreshed(token: ClientToken): void {
    if (!this.running || this.state !== "live" || !this.socket?.connected) return;
    if (token.token === this.connectedToken || token.token === this.candidate?.token) return;
    this.discardCandidate();
    const socket = this.options.createSocket(token.wsUrl);
    const candidate: Candidate = { socket, wsUrl: token.wsUrl, token: token.token, connectedAt: null, events: 0 };
    this.candidate = candidate;
    this.bindCandidate(candidate);
    socket.io.opts.query = { token: token.token };
    socket.connect();
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
      this.scheduleRetry(this.state === "reauthenticating" ? "reauthenticating" : "reconnecting", describe(error), { minDelayMs: retryAfter });
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
      this.scheduleRetry("reconnecting", `Could not connect to AssetPay: ${error.message}`);
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
    this.cause = null;
    this.lastHealthCheckAt = null;
    this.report("live", null);
  }

  private bindCandidate(candidate: Candidate): void {
    const { socket } = candidate;
    const current = () => this.running && this.candidate === candidate;
    socket.on("connect", () => {
      if (!current()) return;
      candidate.connectedAt = this.now();
      this.setTimer(() => {
        if (current() && socket.connected) this.promote(candidate);
      }, this.authProbationMs);
    });
    const failed = () => {
      if (!current()) return;
      const refused = candidate.connectedAt !== null && candidate.events === 0 && this.now() - candidate.connectedAt < this.authProbationMs;
      this.discardCandidate();
      if (refused) this.options.tokens.invalidate(candidate.token);
      // The old socket is still up on a token with at least a few seconds left: try the swap again
      // shortly; if the old one lapses first, the ordinary retry path takes over.
      this.swapRetryTimer = this.setTimer(() => {
        this.swapRetryTimer = null;
        if (!this.running || this.state !== "live") return;
        this.options.tokens
          .get()
          .then((token) => this.onTokenRefreshed(token))
          .catch(() => undefined);
      }, backoffDelayMs(1, this.random()));
    };
    socket.on("disconnect", failed);
    socket.on("connect_error", failed);
    for (const event of SOCKET_EVENT_NAMES) {
      socket.on(event, (payload: unknown) => {
        if (!current()) return;
        // Both sockets deliver meanwhile; the store ignores the duplicates (newer-only).
        candidate.events += 1;
        this.options.sink.pushEvent(event, payload, this.now());
        this.promote(candidate);
      });
    }
  }

  /** AssetPay accepted the fresh token: the candidate becomes the socket, and only now the old one closes. */
  private promote(candidate: Candidate): void {
    if (this.candidate !== candidate) return;
    this.candidate = null;
    const old = this.socket;
    old?.removeAllListeners();
    old?.disconnect();
    candidate.socket.removeAllListeners();
    this.socket = candidate.socket;
    this.socketUrl = candidate.wsUrl;
    this.connectedToken = candidate.token;
    this.connectedAt = candidate.connectedAt;
    this.eventsSinceConnect = candidate.events;
    this.onProbation = false;
    this.connectSerial += 1;
    this.bind(candidate.socket);
  }

  private discardCandidate(): void {
    if (this.swapRetryTimer !== null) this.clearTimer(this.swapRetryTimer);
    this.swapRetryTimer = null;
    const candidate = this.candidate;
    if (!candidate) return;
    this.candidate = null;
    candidate.socket.removeAllListeners();
    candidate.socket.disconnect();
  }

  private onDisconnect(reason: string): void {
    if (!this.running || reason === "io client disconnect") return;
    this.discardCandidate();
    this.options.sink.markUnverified();
    const accepted =
      this.eventsSinceConnect > 0 || (this.connectedAt !== null && this.now() - this.connectedAt >= this.authProbationMs);
    if (!accepted) {
      // Dropped within the refusal window with nothing received: AssetPay's way of refusing a token.
      // Named to the token route, so the server's per-staff cache does not hand it back.
      this.options.tokens.invalidate(this.connectedToken ?? undefined);
      this.scheduleRetry("reauthenticating", "AssetPay closed the connection: the client token was refused or expired");
      return;
    }
    if (reason === "io server disconnect") {
      // AssetPay closed a socket it had accepted (a deploy drops every socket): the token is still good.
      this.attempt = 0;
      this.scheduleRetry("reconnecting", "AssetPay closed the connection", {
        delayMs: serverCloseDelayMs(this.random()),
        cause: "assetpay-closed",
      });
      return;
    }
    this.scheduleRetry("reconnecting", `Connection lost (${reason})`);
  }

  private scheduleRetry(
    state: "reconnecting" | "reauthenticating",
    error: string,
    options: { minDelayMs?: number | null; delayMs?: number; cause?: ConnectionCause } = {},
  ): void {
    if (!this.running) return;
    this.cancelRetry();
    this.attempt += 1;
    if (options.cause) this.cause = options.cause;
    else if (state === "reauthenticating") this.cause = null;
    // The first re-authentication in a row is immediate: an expired token is the common case and a new one fixes it.
    const firstRefusal = state === "reauthenticating" && this.state !== "reauthenticating";
    const backoff = options.delayMs ?? (firstRefusal ? 0 : backoffDelayMs(this.attempt, this.random()));
    const delay = Math.max(backoff, options.minDelayMs ?? 0);
    const offline = typeof navigator !== "undefined" && navigator.onLine === false;
    this.report(offline ? "offline" : state, error, this.now() + delay);
    this.retryTimer = this.setTimer(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
    if (state === "reconnecting" && this.attempt >= HEALTH_CHECK_AFTER_ATTEMPTS) this.askHealth();
  }

  /** Reconnecting keeps failing: if AssetPay says it is in maintenance, the banner says so. */
  private askHealth(): void {
    const check = this.options.checkHealth;
    if (!check) return;
    const now = this.now();
    if (this.lastHealthCheckAt !== null && now - this.lastHealthCheckAt < HEALTH_CHECK_INTERVAL_MS) return;
    this.lastHealthCheckAt = now;
    check()
      .then((verdict) => {
        if (!this.running || this.state === "live" || this.state === "signed-out") return;
        const cause = verdict === "maintenance" ? "assetpay-maintenance" : this.cause === "assetpay-maintenance" ? null : this.cause;
        if (cause === this.cause) return;
        this.cause = cause;
        this.report(this.state, this.lastError, this.nextRetryAt);
      })
      .catch(() => undefined);
  }

  private cancelRetry(): void {
    if (this.retryTimer !== null) this.clearTimer(this.retryTimer);
    this.retryTimer = null;
  }

  private report(state: ConnectionState, lastError: string | null, nextRetryAt: number | null = null): void {
    this.state = state;
    this.lastError = lastError;
    this.nextRetryAt = nextRetryAt;
    this.options.sink.setConnection({
      state,
      attempt: this.attempt,
      nextRetryAt,
      lastError,
      connectedAt: state === "live" ? this.connectedAt : null,
      cause: state === "live" ? null : this.cause,
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
