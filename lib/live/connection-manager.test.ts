import type { Socket } from "socket.io-client";
import { describe, expect, it, vi } from "vitest";
import type { ConnectionInfo } from "@/lib/store/state";
import { ConnectionManager, type HealthVerdict, type LiveSink } from "./connection-manager";
import { FakeSocket } from "./testing/fake-browser";
import { TokenCache, type TokenRequest } from "./token-cache";

function setup(options: { tokenStatus?: number; random?: number; health?: () => Promise<HealthVerdict> } = {}) {
  let now = 10_000;
  let serial = 0;
  const timers: { callback: () => void; ms: number }[] = [];
  const fetchToken = vi.fn<(request: TokenRequest) => Promise<Response>>(async () =>
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
  // A new socket per call, as the browser's factory does; the first is the page's socket.
  const sockets: FakeSocket[] = [];
  const manager = new ConnectionManager({
    tokens,
    sink,
    createSocket: () => {
      const created = new FakeSocket();
      sockets.push(created);
      return created as unknown as Socket;
    },
    now: () => now,
    random: () => options.random ?? 0,
    ...(options.health ? { checkHealth: options.health } : {}),
    setTimer: (callback, ms) => {
      timers.push({ callback, ms });
      return timers.length;
    },
    clearTimer: () => undefined,
  });
  return {
    manager,
    get socket(): FakeSocket {
      const first = sockets[0];
      if (!first) throw new Error("no socket created yet");
      return first;
    },
    sockets,
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

  it("reads a server drop within the refusal window, before any event, as a refused token: re-mints at once", async () => {
    const t = setup();
    t.manager.start();
    await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(1));
    t.socket.fire("connect");
    t.advance(1_000);
    t.socket.fire("disconnect", "io server disconnect");
    expect(t.last()).toMatchObject({ state: "reauthenticating", cause: null });
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

  it.each([
    ["after an event", 0, true],
    ["after outliving the refusal window", 60_000, false],
  ])("reads a server drop of a socket accepted %s as AssetPay closing it: same token, back within 250–1,250 ms", async (_label, lived, withEvent) => {
    for (const random of [0, 1]) {
      const t = setup({ random });
      t.manager.start();
      await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(1));
      t.socket.fire("connect");
      if (withEvent) t.socket.fire("trade", {});
      else t.timers.at(-1)?.callback(); // the refusal window passes
      expect(t.last()?.state).toBe("live");
      t.advance(lived + 100);
      t.socket.fire("disconnect", "io server disconnect");
      expect(t.last()).toMatchObject({ state: "reconnecting", attempt: 1, cause: "assetpay-closed", lastError: "AssetPay closed the connection" });
      expect(t.sink.markUnverified).toHaveBeenCalled();
      expect(t.timers.at(-1)?.ms).toBe(random === 0 ? 250 : 1_250);
      t.timers.at(-1)?.callback();
      // The token was accepted moments ago: no new mint for a deploy.
      await vi.waitFor(() => expect(t.socket.connectCalls).toEqual(["tok-1", "tok-1"]));
      expect(t.fetchToken).toHaveBeenCalledTimes(1);
      t.socket.fire("connect");
      t.socket.fire("trade", {});
      expect(t.last()).toMatchObject({ state: "live", attempt: 0, cause: null });
    }
  });

  it("keeps saying AssetPay closed the connection while reconnecting fails, and asks AssetPay's health after a few attempts", async () => {
    const health = vi.fn(async (): Promise<HealthVerdict> => "maintenance");
    const t = setup({ health });
    t.manager.start();
    await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(1));
    t.socket.fire("connect");
    t.socket.fire("trade", {});
    t.socket.fire("disconnect", "io server disconnect");
    for (let attempt = 2; attempt <= 3; attempt += 1) {
      t.timers.at(-1)?.callback();
      await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(attempt));
      t.socket.fire("connect_error", new Error("refused"));
      expect(t.last()).toMatchObject({ state: "reconnecting", attempt });
      if (attempt < 3) {
        expect(t.last()?.cause).toBe("assetpay-closed");
        expect(health).not.toHaveBeenCalled();
      }
    }
    expect(health).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(t.last()).toMatchObject({ state: "reconnecting", attempt: 3, cause: "assetpay-maintenance" }));
    // Once AssetPay is back, the banner forgets the maintenance.
    t.timers.at(-1)?.callback();
    await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(4));
    t.socket.fire("connect");
    t.socket.fire("trade", {});
    expect(t.last()).toMatchObject({ state: "live", cause: null });
  });

  it("does not blame maintenance when AssetPay's health says it is up", async () => {
    const health = vi.fn(async (): Promise<HealthVerdict> => "up");
    const t = setup({ health });
    t.manager.start();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(attempt));
      t.socket.fire("connect_error", new Error("refused"));
      t.timers.at(-1)?.callback();
    }
    await vi.waitFor(() => expect(health).toHaveBeenCalledTimes(1));
    expect(t.updates.some((update) => update.cause === "assetpay-maintenance")).toBe(false);
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
    expect(t.sockets).toHaveLength(0);
  });

  it("moves onto a refreshed token make-before-break: the new socket opens first, the old closes once it is accepted", async () => {
    const t = setup();
    t.manager.start();
    await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(1));
    const old = t.socket;
    old.fire("connect");
    old.fire("trade", { n: 1 });
    expect(t.last()?.state).toBe("live");
    const liveAt = t.updates.length;

    t.manager.onTokenRefreshed({ token: "tok-new", wsUrl: "ws://sim", expiresAt: 10_000 + 1_800_000 });
    const fresh = t.sockets[1];
    if (!fresh) throw new Error("no second socket");
    expect(fresh.connectCalls).toEqual(["tok-new"]);
    expect(old.disconnects).toBe(0);
    // The old socket keeps delivering until the new one is accepted.
    old.fire("trade", { n: 2 });
    fresh.fire("connect");
    old.fire("trade", { n: 3 });
    expect(old.disconnects).toBe(0);
    fresh.fire("trade", { n: 3 }); // the same event on both: a duplicate the store ignores
    expect(old.disconnects).toBe(1);
    fresh.fire("trade", { n: 4 });
    old.fire("trade", { n: "after close" }); // listeners were removed: ignored

    const payloads = vi.mocked(t.sink.pushEvent).mock.calls.map((call) => call[1]);
    expect(payloads).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 3 }, { n: 4 }]);
    // No gap: never unverified, no state but live, no extra resync.
    expect(t.sink.markUnverified).not.toHaveBeenCalled();
    expect(t.updates.slice(liveAt).every((update) => update.state === "live")).toBe(true);
    expect(t.sink.requestResync).toHaveBeenCalledTimes(1);
    // The new socket is now the page's socket: a later deploy drop is handled on it.
    t.advance(60_000);
    fresh.fire("disconnect", "io server disconnect");
    expect(t.last()).toMatchObject({ state: "reconnecting", cause: "assetpay-closed" });
  });

  it("promotes the new socket once the refusal window passes, even with no event", async () => {
    const t = setup();
    t.manager.start();
    await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(1));
    t.socket.fire("connect");
    t.timers.at(-1)?.callback();
    t.manager.onTokenRefreshed({ token: "tok-new", wsUrl: "ws://sim", expiresAt: 10_000 + 1_800_000 });
    t.sockets[1]?.fire("connect");
    expect(t.socket.disconnects).toBe(0);
    t.advance(1_500);
    t.timers.at(-1)?.callback();
    expect(t.socket.disconnects).toBe(1);
    expect(t.last()?.state).toBe("live");
  });

  it("keeps the old socket when AssetPay refuses the new token, and tries the swap again with a fresh one", async () => {
    const t = setup();
    t.manager.start();
    await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(1));
    t.socket.fire("connect");
    t.socket.fire("trade", {});
    t.manager.onTokenRefreshed({ token: "tok-bad", wsUrl: "ws://sim", expiresAt: 10_000 + 1_800_000 });
    const refused = t.sockets[1];
    refused?.fire("connect");
    t.advance(200);
    refused?.fire("disconnect", "io server disconnect");
    expect(t.socket.disconnects).toBe(0);
    expect(t.last()?.state).toBe("live");
    expect(t.sink.markUnverified).not.toHaveBeenCalled();
    t.timers.at(-1)?.callback(); // the swap retry
    await vi.waitFor(() => expect(t.sockets[2]?.connectCalls).toEqual(["tok-2"]));
  });

  it("names the refused token (by digest) when it asks for the next one, whether the page's socket or a swap was refused", async () => {
    const t = setup();
    t.manager.start();
    await vi.waitFor(() => expect(t.socket.connectCalls).toEqual(["tok-1"]));
    t.socket.fire("connect");
    t.advance(300);
    t.socket.fire("disconnect", "io server disconnect");
    t.timers.at(-1)?.callback();
    await vi.waitFor(() => expect(t.socket.connectCalls).toEqual(["tok-1", "tok-2"]));
    expect(t.fetchToken.mock.calls.at(-1)?.[0]).toEqual({ refused: "65dcf16ea3dfa49069628089eb4a75483070f5584b2a21ee64912b5f621f12da" });
    t.socket.fire("connect");
    t.socket.fire("trade", {});
    t.manager.onTokenRefreshed({ token: "tok-bad", wsUrl: "ws://sim", expiresAt: 10_000 + 1_800_000 });
    t.sockets[1]?.fire("connect");
    t.sockets[1]?.fire("disconnect", "io server disconnect");
    t.timers.at(-1)?.callback(); // the swap retry
    await vi.waitFor(() => expect(t.sockets[2]?.connectCalls).toEqual(["tok-3"]));
    expect(t.fetchToken.mock.calls.at(-1)?.[0]).toEqual({ refused: "a89b00302290672091c9f5b41e4c6f10a348af2d7230920427cb4f16612dae62" });
  });

  it("does not open a second socket for a refreshed token while not live: the next attempt uses it", async () => {
    const t = setup();
    t.manager.start();
    await vi.waitFor(() => expect(t.socket.connectCalls).toHaveLength(1));
    t.manager.onTokenRefreshed({ token: "tok-new", wsUrl: "ws://sim", expiresAt: 10_000 + 1_800_000 });
    expect(t.sockets).toHaveLength(1);
  });
});
