import { describe, expect, it } from "vitest";
import { parseSocketEvent } from "@/lib/live/parse-socket-event";
import { type BoardSummary, createBoardSummarizer, viewMembership } from "@/lib/trades/board-summary";
import { DEFAULT_STALL_LIMITS } from "@/lib/trades/stall-rules";
import { T0, iso, seededRandom, wireTrade } from "@/lib/trades/test-fixtures";
import { DEFAULT_TRADE_FILTER, type TradeFilter } from "@/lib/trades/trade-filter";
import { PendingUpdates, changedIdsSince, countPendingUpdates, freezeView } from "./frozen-view";
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

/** A store and the board's summarizer over it, as the board uses them, with a pause that can begin and count. */
function board(ids: string[], filter: TradeFilter = DEFAULT_TRADE_FILTER) {
  const store = createOpsStore({ now: T0 });
  store.getState().ingest(ids.map((id) => event({ id })));
  const summarize = createBoardSummarizer(DEFAULT_STALL_LIMITS);
  let now = T0;
  const pass = (at = now): BoardSummary => {
    now = at;
    return summarize(store.getState().trades, now, filter, "activity");
  };
  const live = (summary: BoardSummary) => ({ ids: summary.ids, membership: viewMembership(summary) });
  const pause = () => {
    const summary = pass();
    const view = freezeView(summary.ids, store.getState().trades);
    const waiting = new PendingUpdates(view, live(summary), store.getState().trades);
    return {
      view,
      /** A summary pass, then the count it gives (and the count by the definition, to compare). */
      count: (at?: number) => {
        const summary = pass(at);
        const trades = store.getState().trades;
        return { got: waiting.count(live(summary), trades), want: countPendingUpdates(view, summary.ids, trades) };
      },
    };
  };
  return { store, pass, pause };
}

const changeOf = (id: string, status: string, atMs: number, more: Record<string, unknown> = {}) => event({ id, status, updatedAt: iso(atMs), ...more });

describe("PendingUpdates (the paused table's count, pass by pass)", () => {
  it("is zero when the pause begins and while nothing changes", () => {
    const b = board(["a", "b"]);
    const paused = b.pause();
    expect(paused.count()).toEqual({ got: 0, want: 0 });
    expect(paused.count()).toEqual({ got: 0, want: 0 });
  });

  it("counts a trade changed twice once, across passes and within one", () => {
    const b = board(["a", "b", "c"]);
    const paused = b.pause();
    b.store.getState().ingest([changeOf("a", "HOLD", T0 + 120_000)]);
    expect(paused.count().got).toBe(1);
    b.store.getState().ingest([changeOf("a", "COMPLETED", T0 + 180_000)]);
    expect(paused.count().got).toBe(1);
    b.store.getState().ingest([changeOf("b", "HOLD", T0 + 240_000), changeOf("b", "COMPLETED", T0 + 300_000)]);
    expect(paused.count()).toEqual({ got: 2, want: 2 });
  });

  it("counts a shown trade whose change takes it out of the view", () => {
    const b = board(["a", "b"], { ...DEFAULT_TRADE_FILTER, statuses: ["active"] });
    const paused = b.pause();
    expect(paused.view.ids).toEqual(["a", "b"]);
    b.store.getState().ingest([changeOf("a", "HOLD", T0 + 120_000)]);
    expect(b.pass().ids).toEqual(["b"]);
    expect(paused.count()).toEqual({ got: 1, want: 1 });
  });

  it("counts a new trade the view lists, and not one it would not list", () => {
    const b = board(["a"], { ...DEFAULT_TRADE_FILTER, game: "cs2" });
    const paused = b.pause();
    b.store.getState().ingest([event({ id: "new-cs2" }), event({ id: "new-rust", game: "252490" })]);
    expect(paused.count()).toEqual({ got: 1, want: 1 });
    // Nor does a change to a trade the view would still not list.
    b.store.getState().ingest([changeOf("new-rust", "HOLD", T0 + 120_000, { game: "252490" })]);
    expect(paused.count()).toEqual({ got: 1, want: 1 });
  });

  it("counts a trade the store drops while shown", () => {
    const b = board(["a"]);
    b.store.getState().ingest([changeOf("done", "COMPLETED", T0 + 60_000)]);
    const paused = b.pause();
    b.store.getState().setRetentionCap(0); // the finished trade is evicted
    expect(b.store.getState().trades.has("done")).toBe(false);
    expect(paused.count()).toEqual({ got: 1, want: 1 });
  });

  it("starts from nothing again on release (a fresh freeze), counting only what changed after it", () => {
    const b = board(["a", "b"]);
    const first = b.pause();
    b.store.getState().ingest([changeOf("a", "HOLD", T0 + 120_000), event({ id: "c" })]);
    expect(first.count().got).toBe(2);
    const second = b.pause();
    expect(second.count()).toEqual({ got: 0, want: 0 });
    b.store.getState().ingest([changeOf("b", "HOLD", T0 + 120_000)]);
    expect(second.count()).toEqual({ got: 1, want: 1 });
  });

  it("judges a change made after the pass it counts for at the next pass, not never", () => {
    const b = board(["a"], { ...DEFAULT_TRADE_FILTER, game: "cs2" });
    const trades = () => b.store.getState().trades;
    const summary = b.pass();
    const view = freezeView(summary.ids, trades());
    const waiting = new PendingUpdates(view, { ids: summary.ids, membership: viewMembership(summary) }, trades());
    const before = b.pass();
    b.store.getState().ingest([event({ id: "late" })]); // lands after that pass read the table
    expect(waiting.count({ ids: before.ids, membership: viewMembership(before) }, trades())).toBe(0);
    const after = b.pass();
    expect(waiting.count({ ids: after.ids, membership: viewMembership(after) }, trades())).toBe(1);
  });

  it("counts without walking the live ids when the view moves only with its trades", () => {
    const b = board(["a", "b"]);
    const summary = b.pass();
    const trades = b.store.getState().trades;
    const waiting = new PendingUpdates(freezeView(summary.ids, trades), { ids: summary.ids, membership: viewMembership(summary) }, trades);
    b.store.getState().ingest([event({ id: "c" }), changeOf("a", "HOLD", T0 + 120_000)]);
    const next = b.pass();
    const untouchable = new Proxy([] as string[], {
      get: () => {
        throw new Error("walked the live ids");
      },
    });
    expect(waiting.count({ ids: untouchable, membership: viewMembership(next) }, b.store.getState().trades)).toBe(2);
  });

  it("agrees with the full count over random traffic, evictions, releases, the Stalled view and alerts views", () => {
    const rand = seededRandom(22);
    const statuses = ["ACTIVE", "HOLD", "ESCROW", "COMPLETED", "CANCELED", "PENDING"];
    const filters: TradeFilter[] = [
      DEFAULT_TRADE_FILTER,
      { ...DEFAULT_TRADE_FILTER, game: "rust" },
      { ...DEFAULT_TRADE_FILTER, statuses: ["hold", "escrow"] },
      { ...DEFAULT_TRADE_FILTER, stalledOnly: true },
      { ...DEFAULT_TRADE_FILTER, onlyIds: new Set(["t-1", "t-2", "t-3", "t-30"]) },
    ];
    for (const filter of filters) {
      const b = board(["t-0", "t-1", "t-2"], filter);
      let serial = 3;
      let at = T0 + 60_000;
      let paused = b.pause();
      for (let step = 0; step < 150; step += 1) {
        at += Math.floor(rand() * 120_000);
        const events = [];
        for (let n = Math.floor(rand() * 5); n > 0; n -= 1) {
          const id = rand() < 0.3 ? `t-${serial++}` : `t-${Math.floor(rand() * serial)}`;
          at += 1;
          events.push(changeOf(id, statuses[Math.floor(rand() * statuses.length)] as string, at, { game: rand() < 0.5 ? "730" : "252490" }));
        }
        b.store.getState().ingest(events);
        if (rand() < 0.05) b.store.getState().setRetentionCap(Math.floor(rand() * 10));
        if (rand() < 0.05) paused = b.pause();
        const { got, want } = paused.count(at);
        expect(got, `${JSON.stringify(filter)} step ${step}`).toBe(want);
      }
    }
  });
});
