// Tabs of one browser share one alerts stream: the lock holder streams and broadcasts, the others
// start from the alerts list and follow the broadcasts; when the leader closes, another takes over.
import { describe, expect, it } from "vitest";
import type { AlertsEvent } from "./alerts-events";
import type { EventSourceLike } from "./alerts-stream";
import { openSharedAlertsStream } from "./alerts-stream-shared";
import { createSessionEndSignal, type SessionEndSignal } from "./session-end-signal";
import { makeAlert } from "./testing/alert-fixture";

class FakeSource implements EventSourceLike {
  readyState = 1;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  addEventListener(name: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(name: string, data: unknown) {
    for (const listener of this.listeners.get(name) ?? []) listener({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
}

/** One browser: a lock manager and a broadcast hub shared by its tabs. */
function fakeBrowser() {
  type Waiter = { grant: () => void; signal?: AbortSignal };
  let held = false;
  const queue: Waiter[] = [];
  const locks = {
    request(_name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>) {
      return new Promise<void>((resolve, reject) => {
        const grant = () => {
          held = true;
          void callback().then(() => {
            held = false;
            resolve();
            const next = queue.shift();
            next?.grant();
          });
        };
        if (!held) return grant();
        const waiter: Waiter = { grant, signal: options.signal };
        queue.push(waiter);
        options.signal?.addEventListener("abort", () => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(new Error("aborted"));
        });
      });
    },
  } as unknown as LockManager;
  const channels = new Set<{ onmessage: ((event: MessageEvent) => void) | null; closed: boolean }>();
  const createChannel = () => {
    const channel = {
      onmessage: null as ((event: MessageEvent) => void) | null,
      closed: false,
      postMessage(data: unknown) {
        for (const other of channels) if (other !== channel && !other.closed) queueMicrotask(() => other.onmessage?.({ data } as MessageEvent));
      },
      close() {
        channel.closed = true;
        channels.delete(channel);
      },
    };
    channels.add(channel);
    return channel as unknown as BroadcastChannel;
  };
  const sources: FakeSource[] = [];
  const tab = (list: unknown, sessionEnd: SessionEndSignal = createSessionEndSignal(null)) => {
    const events: AlertsEvent[] = [];
    const stream = openSharedAlertsStream(
      { onEvent: (e) => events.push(e), onMalformed: () => undefined, onState: () => undefined },
      {
        locks,
        createChannel,
        fetchSnapshot: async () => new Response(JSON.stringify(list)),
        sessionEnd,
        createSource: () => {
          const source = new FakeSource();
          sources.push(source);
          return source;
        },
      },
    );
    return { events, stream };
  };
  return { sources, tab };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("openSharedAlertsStream", () => {
  it("opens one stream for three tabs, and every tab gets every event", async () => {
    const browser = fakeBrowser();
    const empty = { alerts: [], openCount: 0, cursor: 0 };
    const tabs = [browser.tab(empty), browser.tab(empty), browser.tab(empty)];
    await settle();
    expect(browser.sources).toHaveLength(1);

    const alert = makeAlert({ id: "a1", version: 1 });
    browser.sources[0]?.emit("alert", alert);
    await settle();
    for (const tab of tabs) expect(tab.events.filter((e) => e.type === "alert").map((e) => (e.type === "alert" ? e.alert.id : ""))).toEqual(["a1"]);
    // Followers started from the alerts list.
    expect(tabs[1]?.events[0]?.type).toBe("snapshot");
  });

  it("hands the stream to another tab when the leader closes", async () => {
    const browser = fakeBrowser();
    const empty = { alerts: [], openCount: 0, cursor: 0 };
    const leader = browser.tab(empty);
    const follower = browser.tab(empty);
    await settle();
    leader.stream.close();
    await settle();
    expect(browser.sources).toHaveLength(2);
    expect(browser.sources[0]?.closed).toBe(true);
    browser.sources[1]?.emit("alert", makeAlert({ id: "a2", version: 2 }));
    await settle();
    expect(follower.events.some((e) => e.type === "alert" && e.alert.id === "a2")).toBe(true);
    follower.stream.close();
  });

  it("closes every tab's part at once when the staff session ends, and no follower takes over", async () => {
    const browser = fakeBrowser();
    const empty = { alerts: [], openCount: 0, cursor: 0 };
    // One signal stands for the browser's BroadcastChannel reaching every tab.
    const sessionEnd = createSessionEndSignal(null);
    browser.tab(empty, sessionEnd);
    browser.tab(empty, sessionEnd);
    await settle();
    expect(browser.sources).toHaveLength(1);
    sessionEnd.announce();
    await settle();
    expect(browser.sources).toHaveLength(1);
    expect(browser.sources[0]?.closed).toBe(true);
  });

  it("announces the end when a follower's alerts list is refused 401", async () => {
    const browser = fakeBrowser();
    const sessionEnd = createSessionEndSignal(null);
    let heard = 0;
    sessionEnd.subscribe(() => (heard += 1));
    browser.tab({ alerts: [], openCount: 0, cursor: 0 }, sessionEnd);
    const follower = openSharedAlertsStream(
      { onEvent: () => undefined, onMalformed: () => undefined, onState: () => undefined },
      { locks: { request: () => new Promise(() => undefined) } as unknown as LockManager, createChannel: () => ({ postMessage: () => undefined, close: () => undefined, onmessage: null }) as unknown as BroadcastChannel, fetchSnapshot: async () => new Response("{}", { status: 401 }), sessionEnd },
    );
    await settle();
    expect(heard).toBe(1);
    follower.close();
  });
});
