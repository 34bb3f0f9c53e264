// The reconcile's handling of trades AssetPay no longer knows: a ref the batch answer dropped is asked
// alone; only a 404 TRADE_NOT_FOUND marks it missing (out of the in-flight list, flagged in the
// snapshot). A single-ref answer with the trade, or any other failure, leaves it in flight.
import { expect, it } from "vitest";
import type { ResyncPayload } from "@/lib/assetpay/resync";
import { AssetPayError, type AssetPayClient } from "@/lib/assetpay/rest-client";
import { describeOnEachBackend } from "@/lib/db/testing/each-backend";
import { at, tradeVersion } from "@/lib/db/testing/recorded-versions";
import { listInFlightTradeIds, readMissingTrades, readSnapshot } from "@/lib/db/trade-reads";
import { recordTrades } from "@/lib/db/trade-writes";
import { T0, wireTrade } from "@/lib/trades/test-fixtures";
import { createReconciler } from "./reconciler";

const KEPT = "trade-kept";
const GONE = "trade-gone";

/** A batch answer with only KEPT (AssetPay drops unknown refs silently), and no funding. */
function batchDropping(errors: string[] = []) {
  return async (ids: readonly string[]): Promise<ResyncPayload> => ({
    trades: errors.length > 0 ? [] : ids.filter((id) => id === KEPT).map((id) => wireTrade({ id, status: "active", updatedAt: at(1) })),
    funding: [],
    missing: 0,
    requests: 1,
    rateLimited: 0,
    errors,
  });
}

/** Single-ref GETs answered by `answer`; records which refs were asked. */
function singleRefClient(answer: (ref: string) => unknown): AssetPayClient & { asked: string[] } {
  const client = {
    asked: [] as string[],
    async request<T>(path: string, schema: { parse(value: unknown): T }): Promise<T> {
      const ref = decodeURIComponent(path.replace("/secure/trades/", ""));
      client.asked.push(ref);
      return schema.parse(answer(ref));
    },
  };
  return client;
}

const notFound = () => {
  throw new AssetPayError({ key: "TRADE_NOT_FOUND", message: "AssetPay refused: TRADE_NOT_FOUND", httpStatus: 404 });
};

describeOnEachBackend("reconciling trades AssetPay no longer knows", ({ db }) => {
  async function seed(): Promise<void> {
    await recordTrades(db, [tradeVersion({ id: KEPT, status: "active", updatedAt: at(1) }), tradeVersion({ id: GONE, status: "active", updatedAt: at(1) })], T0);
  }

  function reconcilerWith(client: AssetPayClient, resync = batchDropping()) {
    return createReconciler({ db, client, intervalMs: 60_000, log: () => undefined, onReport: () => undefined, resync });
  }

  it("marks a ref the batch dropped missing when the single-ref GET answers TRADE_NOT_FOUND", async () => {
    await seed();
    const client = singleRefClient(notFound);
    const report = await reconcilerWith(client).run("manual");
    expect(client.asked).toEqual([GONE]);
    expect(report).toMatchObject({ checked: 2, notFound: 1, errors: [] });
    expect(await listInFlightTradeIds(db)).toEqual([KEPT]);
    expect(await readMissingTrades(db)).toEqual({ count: 1, ids: [GONE] });
    const snapshot = await readSnapshot(db, { terminalTrades: 10 });
    const flags = new Map(snapshot.trades.map((trade) => [(trade.payload as { id: string }).id, trade.missing === true]));
    expect(flags).toEqual(new Map([[KEPT, false], [GONE, true]]));

    // Kept for the record, and out of later reconciles' in-flight list.
    const again = singleRefClient(notFound);
    expect(await reconcilerWith(again).run("interval")).toMatchObject({ checked: 1, notFound: 0 });
    expect(again.asked).toEqual([]);
  });

  it("keeps a dropped ref in flight when the single-ref GET returns the trade, and records it", async () => {
    await seed();
    const client = singleRefClient((ref) => wireTrade({ id: ref, status: "hold", updatedAt: at(2) }));
    const report = await reconcilerWith(client).run("manual");
    expect(report).toMatchObject({ notFound: 0, changed: 1 });
    expect((await listInFlightTradeIds(db)).sort()).toEqual([GONE, KEPT].sort());
    expect(await readMissingTrades(db)).toEqual({ count: 0, ids: [] });
    const [row] = await db.query<{ status: string }>("SELECT status FROM trades WHERE id = $1", [GONE]);
    expect(row?.status).toBe("hold");
  });

  it("keeps a dropped ref in flight when the single-ref GET fails for another reason", async () => {
    await seed();
    const client = singleRefClient(() => {
      throw new AssetPayError({ key: "SERVER_ERROR", message: "AssetPay answered HTTP 502", httpStatus: 502 });
    });
    const report = await reconcilerWith(client).run("manual");
    expect(report.notFound).toBe(0);
    expect(report.errors).toEqual([expect.stringMatching(/502/)]);
    expect((await listInFlightTradeIds(db)).sort()).toEqual([GONE, KEPT].sort());
  });

  it("asks nothing one by one when a batch failed (its refs were not dropped, just unanswered)", async () => {
    await seed();
    const client = singleRefClient(notFound);
    const report = await reconcilerWith(client, batchDropping(["AssetPay did not answer"])).run("manual");
    expect(client.asked).toEqual([]);
    expect(report.notFound).toBe(0);
    expect(await readMissingTrades(db)).toEqual({ count: 0, ids: [] });
  });

  it("brings a missing trade back when AssetPay later sends a newer version of it", async () => {
    await seed();
    await reconcilerWith(singleRefClient(notFound)).run("manual");
    await recordTrades(db, [tradeVersion({ id: GONE, status: "hold", updatedAt: at(3) })], T0 + 1_000);
    expect(await readMissingTrades(db)).toEqual({ count: 0, ids: [] });
    expect((await listInFlightTradeIds(db)).sort()).toEqual([GONE, KEPT].sort());
  });
});
