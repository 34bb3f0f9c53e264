import { describe, expect, it } from "vitest";
import { T0, iso, makeFunding, makeTrade } from "@/lib/trades/test-fixtures";
import { applyResync } from "./resync";
import { createInitialState } from "./state";
import { applyTradeEvents, markUnverified } from "./trade-reducers";

describe("applyResync", () => {
  it("applies newer REST data, verifies every returned trade and records the outcome", () => {
    let s = applyTradeEvents(
      createInitialState({ now: T0 }),
      [
        makeTrade({ id: "moved", status: "active", updatedAt: iso(T0) }),
        makeTrade({ id: "same", status: "active", updatedAt: iso(T0) }),
        makeTrade({ id: "ahead", status: "hold", updatedAt: iso(T0 + 5000) }),
        makeTrade({ id: "missing", status: "active", updatedAt: iso(T0) }),
      ],
      T0,
    );
    s = markUnverified(s);
    s = applyResync(s, {
      trades: [
        makeTrade({ id: "moved", status: "hold", updatedAt: iso(T0 + 1000) }),
        makeTrade({ id: "same", status: "active", updatedAt: iso(T0) }),
        makeTrade({ id: "ahead", status: "active", updatedAt: iso(T0) }),
        makeTrade({ id: "new", status: "initiated", updatedAt: iso(T0) }),
      ],
      funding: [makeFunding()],
      at: T0 + 9000,
    });
    expect(s.trades.get("moved")?.trade.status).toBe("hold");
    expect(s.trades.get("ahead")?.trade.status).toBe("hold");
    for (const id of ["moved", "same", "ahead", "new"]) expect(s.trades.get(id)?.verified).toBe(true);
    expect(s.trades.get("missing")?.verified).toBe(false);
    expect(s.funding.deposits.get("f-1")?.status).toBe("pending");
    expect(s.diagnostics.lastResync).toEqual({ at: T0 + 9000, tradesRefreshed: 4, fundingRefreshed: 1, changed: 3 });
    // Expected overlap between REST and socket is not an anomaly.
    expect(s.diagnostics.duplicatesIgnored).toBe(0);
    expect(s.diagnostics.staleIgnored).toBe(0);
  });

  it("records errors and still applies partial data", () => {
    const s = applyResync(createInitialState({ now: T0 }), {
      trades: [makeTrade()],
      funding: [],
      at: T0,
      error: "GET /secure/trades: 429 RATE_LIMITED",
    });
    expect(s.trades.size).toBe(1);
    expect(s.diagnostics.lastResync?.error).toBe("GET /secure/trades: 429 RATE_LIMITED");
  });

  it("does not let a replayed non-terminal funding update undo a terminal one", () => {
    const done = makeFunding({ status: "completed", rawStatus: "COMPLETED" });
    let s = applyResync(createInitialState({ now: T0 }), { trades: [], funding: [done], at: T0 });
    const feed = s.funding.deposits;
    s = applyResync(s, { trades: [], funding: [makeFunding()], at: T0 });
    expect(s.funding.deposits.get("f-1")?.status).toBe("completed");
    expect(s.funding.deposits).toBe(feed);
  });
});
