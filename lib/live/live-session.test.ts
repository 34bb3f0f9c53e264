// The live session's orchestration against fakes of everything outside it: the socket, the dashboard's
// token, snapshot and resync routes, the document and window. Time is vitest's fake clock.
import type { Socket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOpsStore, type OpsStoreApi } from "@/lib/store/ops-store";
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { createLiveSession, type LiveSession } from "./live-session";
import { createSessionEndSignal } from "./session-end-signal";
import { FakeSocket, deferred, fakeDocumentAndWindow, fakeRoutes, json } from "./testing/fake-browser";

let store: OpsStoreApi;
let session: LiveSession | null = null;
let browser: ReturnType<typeof fakeDocumentAndWindow>;
const sockets: FakeSocket[] = [];

function start(routes: ReturnType<typeof fakeRoutes>): void {
  vi.stubGlobal("fetch", routes.fetch);
  session = createLiveSession(store, () => {
    const socket = new FakeSocket();
    sockets.push(socket);
    return socket as unknown as Socket;
  });
  session.start();
}

/** The page's socket, once the session has opened it. */
function openedSocket(): FakeSocket {
  const socket = sockets[0];
  if (!socket) throw new Error("the session opened no socket");
  return socket;
}

/** Lets pending promise chains (fetches, JSON bodies, the session's awaits) run; no fake time passes. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await vi.advanceTimersByTimeAsync(0);
}

const resyncAnswer = (trades: unknown[] = []) => json(200, { trades, funding: [] });
/** A route that never answers (e.g. a snapshot still loading), so it starts no resync of its own. */
const neverAnswers = () => new Promise<Response>(() => undefined);
const recorded = (payload: unknown) => ({ payload, history: [] });

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  browser = fakeDocumentAndWindow();
  vi.stubGlobal("document", browser.document);
  vi.stubGlobal("window", browser.window);
  store = createOpsStore({ now: T0 });
  sockets.length = 0;
});

afterEach(() => {
  session?.stop();
  session = null;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("live session", () => {
  it("confirms the snapshot's in-flight trades with a resync once the snapshot is in the store", async () => {
    const snapshot = deferred<Response>();
    const routes = fakeRoutes({
      snapshot: () => snapshot.promise,
      resync: () => resyncAnswer([wireTrade({ id: "a", status: "hold", updatedAt: iso(T0 + 120_000) })]),
    });
    start(routes);
    await settle();
    expect(routes.count("resync")).toBe(0);

    snapshot.resolve(
      json(200, {
        at: iso(T0),
        trades: [recorded(wireTrade({ id: "a", status: "active" })), recorded(wireTrade({ id: "done", status: "completed" }))],
        funding: [],
        truncated: false,
      }),
    );
    await settle();
    expect(routes.resyncIds()).toEqual([["a"]]);
    const a = store.getState().trades.get("a");
    expect(a?.trade.status).toBe("hold");
    expect(a?.history.map((change) => change.status)).toEqual(["active", "hold"]);
    expect(store.getState().diagnostics.lastResync).toMatchObject({ tradesRefreshed: 1, changed: 1 });
  });

  it("makes one more call for any number of resync requests that overlap a running one, with the ids held by then", async () => {
    const answers = [deferred<Response>(), deferred<Response>()];
    let call = 0;
    const routes = fakeRoutes({ snapshot: neverAnswers, resync: () => answers[call++]?.promise ?? resyncAnswer() });
    start(routes);
    await settle();
    const socket = openedSocket();
    socket.fire("connect");
    await settle();
    expect(routes.count("resync")).toBe(1);

    // A trade arrives while the first resync is out, then three more resyncs are asked for.
    socket.fire("trade", { trade: wireTrade({ id: "new", status: "pending" }) });
    const waiting = [session?.resync("manual"), session?.resync("online"), session?.resync("manual")];
    await settle();
    expect(routes.count("resync")).toBe(1);

    answers[0]?.resolve(resyncAnswer());
    await settle();
    expect(routes.count("resync")).toBe(2);
    expect(routes.resyncIds()[1]).toEqual(["new"]);

    let settled = false;
    void Promise.all(waiting).then(() => (settled = true));
    await settle();
    expect(settled).toBe(false);
    answers[1]?.resolve(resyncAnswer());
    await settle();
    expect(settled).toBe(true);
    expect(routes.count("resync")).toBe(2);

    // Once idle, the next request is a call of its own.
    await session?.resync("manual");
    expect(routes.count("resync")).toBe(3);
  });

  it("asks again 5 s, then 10 s later while the recorder had not caught up, and stops once it has", async () => {
    const answers = [false, false, true];
    let call = 0;
    const routes = fakeRoutes({
      snapshot: neverAnswers,
      resync: () => json(200, { trades: [], funding: [], reconciled: answers[call++] ?? true }),
    });
    start(routes);
    await settle();
    openedSocket().fire("connect");
    await settle();
    expect(routes.count("resync")).toBe(1);

    await vi.advanceTimersByTimeAsync(4_900);
    expect(routes.count("resync")).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    await settle();
    expect(routes.count("resync")).toBe(2);
    await vi.advanceTimersByTimeAsync(9_900);
    expect(routes.count("resync")).toBe(2);
    await vi.advanceTimersByTimeAsync(100);
    await settle();
    expect(routes.count("resync")).toBe(3);

    // The third answer says the recorder caught up: no more follow-ups.
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(routes.count("resync")).toBe(3);
  });

  it("resyncs when a hidden tab becomes visible, at most once per 10 seconds", async () => {
    const routes = fakeRoutes();
    start(routes);
    await settle();
    const socket = openedSocket();
    socket.fire("connect");
    await settle();
    const afterConnect = routes.count("resync");

    browser.setVisibility("hidden");
    browser.setVisibility("visible");
    await settle();
    expect(routes.count("resync")).toBe(afterConnect + 1);

    await vi.advanceTimersByTimeAsync(5_000);
    browser.setVisibility("hidden");
    browser.setVisibility("visible");
    await settle();
    expect(routes.count("resync")).toBe(afterConnect + 1);

    await vi.advanceTimersByTimeAsync(5_000);
    browser.setVisibility("hidden");
    browser.setVisibility("visible");
    await settle();
    expect(routes.count("resync")).toBe(afterConnect + 2);
  });

  it("does not resync on becoming visible while the socket is down: the reconnect will", async () => {
    const routes = fakeRoutes();
    start(routes);
    await settle();
    const before = routes.count("resync");
    browser.setVisibility("visible");
    await settle();
    expect(routes.count("resync")).toBe(before);
  });

  it("shows signed-out, and opens no socket, when the token route answers 401", async () => {
    const routes = fakeRoutes({ token: () => json(401, {}) });
    start(routes);
    await settle();
    expect(store.getState().connection).toMatchObject({ state: "signed-out", lastError: "Your staff session has ended: sign in again." });
    expect(sockets).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(routes.count("token")).toBe(1);
  });

  it("shows signed-out and stops connecting when the snapshot route answers 401", async () => {
    const token = deferred<Response>();
    const routes = fakeRoutes({ snapshot: () => json(401, {}), token: () => token.promise });
    start(routes);
    await settle();
    expect(store.getState().connection.state).toBe("signed-out");

    // The token that was already on its way must not open a socket for a signed-out page.
    token.resolve(json(200, { token: "tok-1", expiresAt: iso(T0 + 900_000), wsUrl: "ws://sim" }));
    await settle();
    expect(sockets).toHaveLength(0);
    expect(store.getState().connection.state).toBe("signed-out");
  });

  it("shows signed-out when a resync answers 401", async () => {
    const routes = fakeRoutes({ snapshot: neverAnswers, resync: () => json(401, {}) });
    start(routes);
    await settle();
    const socket = openedSocket();
    socket.fire("connect");
    await settle();
    expect(store.getState().connection.state).toBe("signed-out");
    expect(socket.disconnects).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(socket.connectCalls).toHaveLength(1);
  });

  it("stops its socket and says signed-out at once when another tab announces the session ended", async () => {
    vi.stubGlobal("fetch", fakeRoutes().fetch);
    const signal = createSessionEndSignal(null);
    session = createLiveSession(
      store,
      () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket as unknown as Socket;
      },
      signal,
    );
    session.start();
    await settle();
    openedSocket().fire("connect");
    expect(openedSocket().connected).toBe(true);
    signal.announce();
    expect(openedSocket().connected).toBe(false);
    expect(store.getState().connection.state).toBe("signed-out");
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sockets).toHaveLength(1);
    expect(openedSocket().connected).toBe(false);
  });

  it("tells the other tabs when its own token request is refused 401", async () => {
    const signal = createSessionEndSignal(null);
    const heard = vi.fn();
    signal.subscribe(heard);
    vi.stubGlobal("fetch", fakeRoutes({ token: () => json(401, { error: { code: "unauthenticated" } }) }).fetch);
    session = createLiveSession(store, () => new FakeSocket() as unknown as Socket, signal);
    session.start();
    await settle();
    expect(store.getState().connection.state).toBe("signed-out");
    expect(heard).toHaveBeenCalled();
  });
});
