import type { Socket } from "socket.io-client";
import { describe, expect, it, vi } from "vitest";
import { ConnectionManager, type ConnectionUpdate, type LiveSink } from "./connection-manager";
import { TokenCache } from "./token-cache";

/** Just enough of a Socket.IO client socket to drive the manager: tests fire its events by hand. */
class FakeSocket {
  connected = false;
  io = { opts: { query: {} as Record<string, string> } };
  connectCalls: string[] = [];
  private handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  connect() {
    this.connectCalls.push(this.io.opts.query.token ?? "");
    return this;
  }
  disconnect() {
    this.connected = false;
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    if (event === "connect") this.connected = true;
    if (event === "disconnect") this.connected = false;
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
}

function setup(options: { tokenStatus?: number } = {}) {
  let now = 10_000;
  let serial = 0;
  const timers: { callback: () => void; ms: number }[] = [];
  const fetchToken = vi.fn(async () =>
    options.tokenStatus
      ? new Response("{}", { status: options.tokenStatus })
      : new Response(
          JSON.stringify({ token: `tok-${++serial}`, expiresAt: new Date(now + 900_000).toISOString(), wsUrl: "ws://sim" }),
          { status: 200 },
        ),
  );
  const tokens = new TokenCache({ fetchToken, now: () => now, setTimer: () => 0, clearTimer: () => undefined });
  const updates: ConnectionUpdate[] = [];
  const sink: LiveSink = {
    pushEvent: vi.fn(),
    setConnection: (update) => updates.push(update),
    markUnverified: vi.fn(),
    requestResync: vi.fn(),
  };
  const socket = new FakeSocket();
  const manager = new ConnectionManager({
    tokens,
    sink,
    createSocket: () => socket as unknown as Socket,
    now: () => now,
    random: () => 0,
    setTimer: (callback, ms) => {
      timers.push({ callback, ms });
      return timers.length;
    },
    clearTimer: () => undefined,
  });
  return {
    manager,
    socket,
    sink,
    updates,
    timers,
    fetchToken,
    advance: (ms: number) => {
      now += ms;
    },
    last: () => updates.at(-1),
  };
}

describe("ConnectionManager", () => {
  it("connects with a fresh token, goes live and asks for a resync", async () => {
    const t = setup();
    t.manager.start();
    expect(t.last()?.state).toBe("connecting");
    await vi.waitFor(() => expect(t.socket.connectCalls).toEqual(["tok-1"]));
    t.socket.fire("connect");
    expect(t.last()?.state).toBe("live");
    expect(t.sink.requestResync).toHaveBeenCalledWith("connected");
  });

  it("forwards events to the sink with their receive time", async () => {
    const t = setup();
    t.manager.start();
    await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(1));
    t.socket.fire("connect");
    t.socket.fire("trade", { trade: { id: "a" } });
    expect(t.sink.pushEvent).toHaveBeenCalledWith("trade", { trade: { id: "a" } }, expect.any(Number));
  });

  it("reads a server-side disconnect as a refused token: re-mints at once and reconnects", async () => {
    const t = setup();
    t.manager.start();
    await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(1));
    t.socket.fire("connect");
    t.advance(60_000);
    t.socket.fire("disconnect", "io server disconnect");
    expect(t.last()?.state).toBe("reauthenticating");
    expect(t.sink.markUnverified).toHaveBeenCalled();
    expect(t.timers.at(-1)?.ms).toBe(0);
    t.timers.at(-1)?.callback();
    await vi.waitFor(() => expect(t.socket.connectCalls).toEqual(["tok-1", "tok-2"]));
    t.socket.fire("connect");
    expect(t.last()?.state).toBe("live");
    expect(t.last()?.attempt).toBe(0);
  });

  it("reads a quiet drop right after connecting as an auth failure too", async () => {
    const t = setup();
    t.manager.start();
    await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(1));
    t.socket.fire("connect");
    t.advance(200);
    t.socket.fire("disconnect", "transport close");
    expect(t.last()?.state).toBe("reauthenticating");
  });

  it("backs off on transport drops and shows the attempt and next retry", async () => {
    const t = setup();
    t.manager.start();
    await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(1));
    t.socket.fire("connect");
    t.socket.fire("trade", {});
    t.advance(5_000);
    t.socket.fire("disconnect", "transport close");
    expect(t.last()).toMatchObject({ state: "reconnecting", attempt: 1 });
    expect(t.last()?.nextRetryAt).toBe(15_000 + 500);
    t.timers.at(-1)?.callback();
    await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(2));
    t.socket.fire("connect_error", new Error("refused"));
    expect(t.last()).toMatchObject({ state: "reconnecting", attempt: 2 });
    expect(t.timers.at(-1)?.ms).toBe(1_000);
    // The token was still good: no new mint for a plain transport drop.
    expect(t.fetchToken).toHaveBeenCalledTimes(1);
  });

  it("stops and says signed-out when the token route answers 401", async () => {
    const t = setup({ tokenStatus: 401 });
    t.manager.start();
    await vi.waitFor(() => expect(t.last()?.state).toBe("signed-out"));
    expect(t.timers).toHaveLength(0);
    expect(t.socket.connectCalls).toHaveLength(0);
  });

  it("moves onto a refreshed token before the old one expires", async () => {
    const t = setup();
    t.manager.start();
    await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(1));
    t.socket.fire("connect");
    t.manager.onTokenRefreshed({ token: "tok-new", wsUrl: "ws://sim", expiresAt: 10_000 + 1_800_000 });
    expect(t.last()?.state).toBe("reauthenticating");
    await vi.waitFor(() => expect(t.socket.connectCalls.length).toBe(2));
  });
});
