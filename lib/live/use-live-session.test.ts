// The StrictMode guard of useLiveSession, under React's real StrictMode (mount → unmount → mount of
// every effect). The unit tests run in Node without a DOM, so React DOM renders into a stand-in
// container: the probe renders nothing, so React only needs the few properties stubbed below.
import { StrictMode, act, createElement } from "react";
import { type Root, createRoot } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OpsStoreProvider } from "@/lib/store/ops-store-provider";
import { fakeDocumentAndWindow, fakeRoutes } from "./testing/fake-browser";
import { useLiveSession } from "./use-live-session";

const sockets = vi.hoisted(() => [] as { disconnects: number; connectCalls: string[] }[]);

vi.mock("socket.io-client", async () => {
  const { FakeSocket: Fake } = await import("./testing/fake-browser");
  return {
    io: () => {
      const socket = new Fake();
      sockets.push(socket);
      return socket;
    },
  };
});

function LiveProbe() {
  useLiveSession();
  return null;
}

/** A DOM-less stand-in for the element React DOM renders into. */
function standInContainer(document: EventTarget) {
  return {
    nodeType: 1,
    nodeName: "DIV",
    tagName: "DIV",
    namespaceURI: "http://www.w3.org/1999/xhtml",
    ownerDocument: document,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    firstChild: null,
    childNodes: [],
    textContent: "",
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

let root: Root | null = null;
let routes: ReturnType<typeof fakeRoutes>;
let pageDocument: EventTarget;

beforeEach(() => {
  sockets.length = 0;
  routes = fakeRoutes();
  const browser = fakeDocumentAndWindow();
  // What React DOM reads besides the container: the focused element and the iframe class (to look
  // inside focused iframes), and `window.event` (to rank updates).
  pageDocument = Object.assign(browser.document, { activeElement: null, nodeType: 9 });
  vi.stubGlobal("document", pageDocument);
  vi.stubGlobal("window", Object.assign(browser.window, { event: undefined, HTMLIFrameElement: class {} }));
  vi.stubGlobal("fetch", routes.fetch);
  vi.stubGlobal("IS_REACT_ACT_ENVIRONMENT", true);
});

afterEach(() => {
  if (root) act(() => root?.unmount());
  root = null;
  vi.unstubAllGlobals();
});

describe("useLiveSession under React StrictMode", () => {
  it("starts one session with one socket, keeps it through StrictMode's remount, and closes it on unmount", async () => {
    root = createRoot(standInContainer(pageDocument) as unknown as Element);
    await act(async () => {
      // A .ts test has no JSX, and the provider's props type requires `children` as a prop.
      // eslint-disable-next-line react/no-children-prop
      root?.render(createElement(StrictMode, null, createElement(OpsStoreProvider, { children: createElement(LiveProbe) })));
    });
    await tick();

    expect(sockets).toHaveLength(1);
    expect(sockets[0]?.connectCalls).toHaveLength(1);
    expect(sockets[0]?.disconnects).toBe(0);
    // One session: one token, one snapshot (a second session would have fetched both again).
    expect(routes.count("token")).toBe(1);
    expect(routes.count("snapshot")).toBe(1);

    act(() => root?.unmount());
    root = null;
    await tick();
    expect(sockets[0]?.disconnects).toBe(1);
    expect(sockets).toHaveLength(1);
  });
});
