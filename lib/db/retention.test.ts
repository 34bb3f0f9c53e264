import { expect, it } from "vitest";
import { T0 } from "@/lib/trades/test-fixtures";
import { recordFunding } from "./funding-writes";
import { pruneRecorded } from "./retention";
import { describeOnEachBackend } from "./testing/each-backend";
import { at, depositVersion, tradeVersion } from "./testing/recorded-versions";
import { confirmTrades, recordTrades } from "./trade-writes";

describeOnEachBackend("retention", ({ db }) => {
  it("prunes terminal trades and funding older than the retention, and trades AssetPay stopped confirming", async () => {
    await recordTrades(db, [tradeVersion({ id: "old-done", status: "completed", updatedAt: at(1) })], T0);
    await recordTrades(db, [tradeVersion({ id: "new-done", status: "completed", updatedAt: at(100) })], T0);
    await recordTrades(db, [tradeVersion({ id: "old-active", status: "active", updatedAt: at(1) })], T0);
    await recordTrades(db, [tradeVersion({ id: "lost", status: "active", updatedAt: at(1) })], T0);
    await confirmTrades(db, ["old-active"], T0 + 200 * 60_000);
    await recordFunding(db, [depositVersion("f-old", "COMPLETED", 0, 1), depositVersion("f-open", "PENDING", 0)], T0);

    const result = await pruneRecorded(db, T0 + 50 * 60_000);
    expect(result).toEqual({ trades: 2, funding: 1 });
    const left = await db.query<{ id: string }>("SELECT id FROM trades ORDER BY id");
    expect(left.map((row) => row.id)).toEqual(["new-done", "old-active"]);
    const history = await db.query<{ trade_id: string }>("SELECT DISTINCT trade_id FROM trade_history ORDER BY trade_id");
    expect(history.map((row) => row.trade_id)).toEqual(["new-done", "old-active"]);
    expect(await pruneRecorded(db, T0 + 50 * 60_000)).toEqual({ trades: 0, funding: 0 });
  });
});
