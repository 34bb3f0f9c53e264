// The browser's one connection to /api/alerts/stream (server-sent events), outside React. Every event
// is parsed at the edge (./alerts-events) before it reaches the handlers; a bad one is reported as
// malformed and skipped. While the connection merely drops, EventSource reconnects by itself and sends
// Last-Event-ID (the last alert's version), so the server replays what changed meanwhile. When the
// server refuses (an error answer, a restart mid-deploy) EventSource gives up for good: this client
// then opens a new one after a growing pause, asking `?since=<cursor>` so nothing is missed.
import { type AlertsEvent, parseAlertsEvent } from "./alerts-events";

export type AlertsStreamState = "connecting" | "live" | "reconnecting";

/** What this client uses of an EventSource (tests pass a fake). */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(name: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface AlertsStreamHandlers {
  onEvent: (event: AlertsEvent) => void;
  onMalformed: (reason: string) => void;
  onState: (state: AlertsStreamState) => void;
}

export interface AlertsStreamOptions {
  url?: string;
  /** Every event as it arrived (name and data text), before parsing: what a leading tab shares with the others. */
  onRaw?: (name: string, data: string) => void;
  createSource?: (url: string) => EventSourceLike;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface AlertsStream {
  close: () => void;
  /** Highest alert version seen: where a fresh connection catches up from. */
  cursor: () => number;
}

const CLOSED = 2;
const EVENT_NAMES = ["snapshot", "alert", "count"] as const;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** Pause before the given fresh-connection attempt (1, 2, 4 … 30 s). */
export function alertsRetryDelay(attempt: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
}

/** Parses one event at the edge and hands it (or its failure) to the handlers; the event, when good. */
export function deliverAlertsEvent(name: string, data: string, handlers: Pick<AlertsStreamHandlers, "onEvent" | "onMalformed">): AlertsEvent | null {
  const parsed = parseAlertsEvent(name, data);
  if (!parsed.ok) {
    handlers.onMalformed(parsed.reason);
    return null;
  }
  if (parsed.event.type === "snapshot") for (const reason of parsed.event.malformed) handlers.onMalformed(reason);
  handlers.onEvent(parsed.event);
  return parsed.event;
}

export function alertsStreamUrl(base: string, cursor: number): string {
  return cursor > 0 ? `${base}?since=${cursor}` : base;
}

export function openAlertsStream(handlers: AlertsStreamHandlers, options: AlertsStreamOptions = {}): AlertsStream {
  const base = options.url ?? "/api/alerts/stream";
  const createSource = options.createSource ?? ((url: string) => new EventSource(url, { withCredentials: true }) as EventSourceLike);
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let cursor = 0;
  let attempt = 0;
  let closed = false;
  let source: EventSourceLike | null = null;
  let timer: unknown = null;

  const receive = (name: string, event: MessageEvent<string>) => {
    const data = typeof event.data === "string" ? event.data : "";
    options.onRaw?.(name, data);
    const typed = deliverAlertsEvent(name, data, handlers);
    if (typed?.type === "snapshot") cursor = Math.max(cursor, typed.cursor);
    else if (typed?.type === "alert") cursor = Math.max(cursor, typed.alert.version);
  };

  const connect = () => {
    timer = null;
    if (closed) return;
    const next = createSource(alertsStreamUrl(base, cursor));
    source = next;
    next.onopen = () => {
      attempt = 0;
      handlers.onState("live");
    };
    next.onerror = () => {
      if (closed || source !== next) return;
      handlers.onState("reconnecting");
      // Still CONNECTING: the browser retries by itself with Last-Event-ID. CLOSED: it gave up.
      if (next.readyState !== CLOSED) return;
      next.close();
      attempt += 1;
      timer = setTimer(connect, alertsRetryDelay(attempt));
    };
    for (const name of EVENT_NAMES) next.addEventListener(name, (event) => receive(name, event));
  };

  handlers.onState("connecting");
  connect();
  return {
    close: () => {
      closed = true;
      if (timer !== null) clearTimer(timer);
      source?.close();
      source = null;
    },
    cursor: () => cursor,
  };
}
