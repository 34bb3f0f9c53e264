// One alerts stream per browser, not per tab. A server-sent event stream holds an HTTP/1.1 connection
// open, and a browser allows about six per host: staff with six dashboard tabs open would have no
// connection left for anything else (seen in e2e with 20 tabs: pages stopped loading). So the tabs
// elect a leader with the Web Locks API; only the leader opens /api/alerts/stream (./alerts-stream)
// and passes every event, as it arrived, to the other tabs over a BroadcastChannel. A follower parses
// them at its own edge like the leader does, and starts from GET /api/alerts (the stream's snapshot
// query), holding broadcast events until that answer is in. When the leader's tab closes, its lock
// is released and a follower takes over. Without Web Locks or BroadcastChannel each tab streams alone.
// When the staff session ends (./session-end-signal.ts: this or another tab signed out, or was refused)
// every tab closes its part at once; a follower whose snapshot is refused 401 announces it.
import { z } from "zod";
import { type AlertsStream, type AlertsStreamHandlers, type AlertsStreamOptions, type AlertsStreamState, deliverAlertsEvent, openAlertsStream } from "./alerts-stream";
import { type SessionEndSignal, sessionEndSignal } from "./session-end-signal";

const LOCK_NAME = "assetpay-ops:alerts-stream";
const CHANNEL_NAME = "assetpay-ops:alerts";
/** The stream's own snapshot: open alerts, newest first, up to 500. */
const SNAPSHOT_URL = "/api/alerts?state=open&limit=500";

const messageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("event"), name: z.string().max(32), data: z.string().max(5_000_000) }),
  z.object({ kind: z.literal("state"), state: z.enum(["connecting", "live", "reconnecting"]) }),
]);
type SharedMessage = z.infer<typeof messageSchema>;

export interface SharedAlertsStreamOptions extends AlertsStreamOptions {
  /** Injectable for tests; default the page's. */
  locks?: LockManager;
  createChannel?: (name: string) => BroadcastChannel;
  fetchSnapshot?: () => Promise<Response>;
  sessionEnd?: SessionEndSignal;
}

export function openSharedAlertsStream(handlers: AlertsStreamHandlers, options: SharedAlertsStreamOptions = {}): Pick<AlertsStream, "close"> {
  const sessionEnd = options.sessionEnd ?? sessionEndSignal();
  const stream = openStream(handlers, options, sessionEnd);
  const unsubscribe = sessionEnd.subscribe(() => stream.close());
  return {
    close: () => {
      unsubscribe();
      stream.close();
    },
  };
}

function openStream(handlers: AlertsStreamHandlers, options: SharedAlertsStreamOptions, sessionEnd: SessionEndSignal): Pick<AlertsStream, "close"> {
  const locks = options.locks ?? (typeof navigator !== "undefined" ? navigator.locks : undefined);
  const canShare = locks !== undefined && (options.createChannel !== undefined || typeof BroadcastChannel !== "undefined");
  if (!canShare) return openAlertsStream(handlers, options);

  const channel = (options.createChannel ?? ((name: string) => new BroadcastChannel(name)))(CHANNEL_NAME);
  const fetchSnapshot = options.fetchSnapshot ?? (() => fetch(SNAPSHOT_URL, { credentials: "same-origin", cache: "no-store" }));
  const abort = new AbortController();
  let closed = false;
  let leading: AlertsStream | null = null;
  let releaseLock: (() => void) | null = null;
  /** Broadcast events that arrived before this follower's snapshot: applied right after it. */
  let held: SharedMessage[] | null = [];

  const post = (message: SharedMessage) => channel.postMessage(message);
  const apply = (message: SharedMessage) => {
    if (message.kind === "event") deliverAlertsEvent(message.name, message.data, handlers);
    else handlers.onState(message.state);
  };

  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (closed || leading) return;
    const message = messageSchema.safeParse(event.data);
    if (!message.success) {
      handlers.onMalformed("alerts broadcast from another tab: not a message this dashboard sends");
      return;
    }
    if (held) held.push(message.data);
    else apply(message.data);
  };

  // A follower's starting point; the leader's own stream starts with its snapshot instead.
  handlers.onState("connecting");
  void (async () => {
    try {
      const response = await fetchSnapshot();
      const text = response.ok ? await response.text() : null;
      if (closed || leading) return;
      if (text !== null) deliverAlertsEvent("snapshot", text, handlers);
      else if (response.status === 401) sessionEnd.announce();
      else handlers.onMalformed(`alerts list answered HTTP ${response.status}`);
    } catch {
      // The leader's broadcasts still arrive; the next leader change or reconnect brings a snapshot.
    } finally {
      const pending = held ?? [];
      held = null;
      if (!closed && !leading) for (const message of pending) apply(message);
    }
  })();

  const lead = (): Promise<void> =>
    new Promise<void>((release) => {
      releaseLock = release;
      if (closed) return release();
      held = null;
      const onState = (state: AlertsStreamState) => {
        handlers.onState(state);
        post({ kind: "state", state });
      };
      leading = openAlertsStream({ ...handlers, onState }, { ...options, onRaw: (name, data) => post({ kind: "event", name, data }) });
    });

  locks.request(LOCK_NAME, { signal: abort.signal }, lead).catch(() => undefined);

  return {
    close: () => {
      closed = true;
      abort.abort();
      leading?.close();
      leading = null;
      releaseLock?.();
      channel.close();
    },
  };
}
