import type { Socket } from "socket.io-client";
import { describe, expect, it, vi } from "vitest";
import type { ConnectionInfo } from "@/lib/store/state";
import { ConnectionManager, type LiveSink } from "./connection-manager";
import { FakeSocket } from "./testing/fake-browser";
import { TokenCache } from "./token-cache";

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
  const updates: ConnectionInfo[] = [];
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
  it("connects with a fresh token, asks for a resync, and goes live once AssetPay has not refused it", async () => {
    const t = setup();
    t.manager.start();
    expect(t.last()?.state).toBe("connecting");
    await vi.waitFor(() => expect(t.socket.connectCalls).toEqual(["tok-1"]));
    t.socket.fire("connect");
    expect(t.sink.requestResync).toHaveBeenCalledWith("connected");
    // AssetPay may still drop us for a bad token: not "live" until the refusal window has passed.
    expect(t.last()?.state).toBe("connecting");
    expect(t.timers.at(-1)?.ms).toBe(1_500);
    t.timers.at(-1)?.callback();
    expect(t.last()?.state).toBe("live");
  });

  it("goes live at the first event, without waiting out the refusal window", async () => {
    const t = setup();
    t.manager.start();
    await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(1));
    t.socket.fire("connect");
    t.socket.fire("trade", { trade: { id: "a" } });
    expect(t.last()?.state).toBe("live");
  });

  it("backs off while AssetPay keeps refusing tokens, and never says live in between", async () => {
    const t = setup();
    t.manager.start();
    const delays: number[] = [];
    for (let round = 1; round <= 3; round += 1) {
      await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(round));
      t.socket.fire("connect");
      const probation = t.timers.at(-1);
      t.advance(300);
      t.socket.fire("disconnect", "io server disconnect");
      expect(t.last()).toMatchObject({ state: "reauthenticating", attempt: round });
      delays.push(t.timers.at(-1)?.ms ?? -1);
      probation?.callback(); // a stale probation timer must not confirm anything
      t.timers.at(-1)?.callback(); // the retry
    }
    expect(t.updates.some((u) => u.state === "live")).toBe(false);
    // First re-mint immediately (an expired token is the common case), then the backoff grows.
    expect(delays[0]).toBe(0);
    expect(delays[1]).toBeGreaterThan(0);
    expect(delays[2]).toBeGreaterThan(delays[1] ?? 0);
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
    expect(t.last()).toMatchObject({ state: "reauthenticating", nextRetryAt: null });
    t.socket.fire("trade", {});
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
