import { describe, expect, it } from "vitest";
import { parseSocketEvent } from "@/lib/live/parse-socket-event";
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { changedIdsSince, countPendingUpdates, freezeView } from "./frozen-view";
import { createOpsStore } from "./ops-store";

const event = (overrides: Record<string, unknown>) => parseSocketEvent("trade", { trade: wireTrade(overrides) }, T0);

function storeWith(ids: string[]) {
  const store = createOpsStore({ now: T0 });
  store.getState().ingest(ids.map((id) => event({ id })));
  return store;
}

describe("freezeView", () => {
  it("keeps the rows and their records as they were while the store moves on", () => {
    const store = storeWith(["a", "b"]);
    const view = freezeView(["b", "a"], store.getState().trades);
    store.getState().ingest([event({ id: "a", status: "HOLD", updatedAt: iso(T0 + 60_000) })]);
    expect(view.ids).toEqual(["b", "a"]);
    expect(view.records.get("a")?.trade.status).toBe("active");
    expect(store.getState().trades.get("a")?.trade.status).toBe("hold");
  });
});

describe("countPendingUpdates", () => {
  it("is zero when nothing changed", () => {
    const store = storeWith(["a", "b"]);
    const view = freezeView(["a", "b"], store.getState().trades);
    expect(countPendingUpdates(view, ["a", "b"], store.getState().trades)).toBe(0);
  });

  it("counts each changed or new trade once, however many events it had", () => {
    const store = storeWith(["a", "b"]);
    const view = freezeView(["a", "b"], store.getState().trades);
    store.getState().ingest([event({ id: "a", status: "HOLD", updatedAt: iso(T0 + 60_000) })]);
    store.getState().ingest([event({ id: "a", status: "COMPLETED", updatedAt: iso(T0 + 120_000) })]);
    store.getState().ingest([event({ id: "c" })]);
    expect(countPendingUpdates(view, ["c", "a", "b"], store.getState().trades)).toBe(2);
  });

  it("counts a shown trade that left the view, and ignores trades the view would not show", () => {
    const store = storeWith(["a", "b", "x"]);
    const view = freezeView(["a", "b"], store.getState().trades);
    store.getState().ingest([event({ id: "b", status: "HOLD", updatedAt: iso(T0 + 60_000) })]);
    store.getState().ingest([event({ id: "x", status: "HOLD", updatedAt: iso(T0 + 60_000) })]);
    // The live view (say, "Active" only) no longer has b and never had x.
    expect(countPendingUpdates(view, ["a"], store.getState().trades)).toBe(1);
  });
});

describe("changedIdsSince", () => {
  it("names each changed id once", () => {
    const store = storeWith(["a"]);
    const cursor = store.getState().trades.changeCursor;
    store.getState().ingest([event({ id: "b" })]);
    store.getState().ingest([event({ id: "b", status: "HOLD", updatedAt: iso(T0 + 60_000) }), event({ id: "c" })]);
    expect([...(changedIdsSince(store.getState().trades, cursor, 10) ?? [])].sort()).toEqual(["b", "c"]);
  });

  it("gives up on a bulk change larger than the limit", () => {
    const store = storeWith([]);
    const cursor = store.getState().trades.changeCursor;
    store.getState().ingest(["a", "b", "c"].map((id) => event({ id })));
    expect(changedIdsSince(store.getState().trades, cursor, 2)).toBeNull();
  });
});
