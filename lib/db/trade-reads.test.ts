import { expect, it } from "vitest";
import { T0 } from "@/lib/trades/test-fixtures";
import { recordFunding } from "./funding-writes";
import { describeOnEachBackend } from "./testing/each-backend";
import { at, depositVersion, tradeVersion } from "./testing/recorded-versions";
import { listInFlightTradeIds, readSnapshot, readTradeHistory } from "./trade-reads";
import { confirmTrades, recordTrades } from "./trade-writes";

describeOnEachBackend("trade reads", ({ db }) => {
  it("answers unknown trades with an empty, unknown history", async () => {
    expect(await readTradeHistory(db, "nope")).toEqual({ tradeId: "nope", known: false, history: [] });
  });

  it("serves a snapshot of every in-flight trade, the most recent terminal ones and recent funding", async () => {
    const versions = [
      tradeVersion({ id: "live-1", status: "active", updatedAt: at(1) }),
      tradeVersion({ id: "live-2", status: "teleported", updatedAt: at(2) }),
      ...Array.from({ length: 6 }, (_, index) => tradeVersion({ id: `done-${index}`, status: "completed", updatedAt: at(10 + index) })),
    ];
    await recordTrades(db, versions, T0);
    await recordTrades(db, [tradeVersion({ id: "live-1", status: "initiated", updatedAt: at(0) })], T0);
    await recordFunding(db, [depositVersion("f-1", "PENDING", 0), depositVersion("f-2", "COMPLETED", 0, 1)], T0);

    const snapshot = await readSnapshot(db, { terminalTrades: 3 });
    const ids = snapshot.trades.map((trade) => (trade.payload as { id: string }).id);
    expect(ids.sort()).toEqual(["done-3", "done-4", "done-5", "live-1", "live-2"]);
    const live = snapshot.trades.find((trade) => (trade.payload as { id: string }).id === "live-1");
    expect(live?.history.map((change) => change.status)).toEqual(["initiated", "active"]);
    const unknown = snapshot.trades.find((trade) => (trade.payload as { id: string }).id === "live-2");
    expect(unknown?.history).toEqual([expect.objectContaining({ status: "unknown", rawStatus: "teleported" })]);
    expect(snapshot.funding.map((f) => [f.kind, f.format, (f.payload as { id: string }).id]).sort()).toEqual([
      ["deposit", "event", "f-1"],
      ["deposit", "event", "f-2"],
    ]);
    expect(snapshot.truncated).toBe(false);
    expect(Number.isFinite(Date.parse(snapshot.at))).toBe(true);
    expect((await readSnapshot(db, { terminalTrades: 0, inFlightCap: 1 })).truncated).toBe(true);
  });

  it("adds every trade reverted in the last days to the snapshot, past the terminal limit, once", async () => {
    const ago = (days: number, minutes = 0) => new Date(Date.now() - days * 86_400_000 - minutes * 60_000).toISOString();
    await recordTrades(
      db,
      [
        tradeVersion({ id: "rev-6d", status: "reverted", revertedBy: "supplier", updatedAt: ago(6) }),
        tradeVersion({ id: "rev-7d-late", status: "reverted", revertedBy: "user", updatedAt: ago(7, 60) }),
        tradeVersion({ id: "rev-9d", status: "reverted", updatedAt: ago(9) }),
        tradeVersion({ id: "done-old", status: "completed", updatedAt: ago(6) }),
        tradeVersion({ id: "rev-new", status: "reverted", updatedAt: ago(0, 2) }),
        tradeVersion({ id: "done-new", status: "completed", updatedAt: ago(0, 1) }),
      ],
      T0,
    );
    const snapshot = await readSnapshot(db, { terminalTrades: 2 });
    const ids = snapshot.trades.map((trade) => (trade.payload as { id: string }).id);
    expect(ids).toEqual(["done-new", "rev-new", "rev-6d", "rev-7d-late"]);
    const reverted = snapshot.trades.find((trade) => (trade.payload as { id: string }).id === "rev-6d");
    expect(reverted?.history.map((change) => change.status)).toEqual(["reverted"]);
    expect((await readSnapshot(db, { terminalTrades: 0 })).trades.map((trade) => (trade.payload as { id: string }).id)).toEqual([
      "rev-new",
      "rev-6d",
      "rev-7d-late",
    ]);
  });

  it("lists in-flight trades for reconciliation, least recently confirmed first", async () => {
    await recordTrades(db, [tradeVersion({ id: "b", status: "active", updatedAt: at(1) }), tradeVersion({ id: "c", status: "failed", updatedAt: at(1) })], T0);
    await recordTrades(db, [tradeVersion({ id: "a", status: "hold", updatedAt: at(1) })], T0 + 1_000);
    expect(await listInFlightTradeIds(db)).toEqual(["b", "a"]);
    await confirmTrades(db, ["b"], T0 + 5_000);
    expect(await listInFlightTradeIds(db)).toEqual(["a", "b"]);
  });
});
