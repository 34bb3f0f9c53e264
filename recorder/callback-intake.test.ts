import { expect, it } from "vitest";
import type { CallbackDelivery } from "@/lib/assetpay/callback-delivery";
import { describeOnEachBackend } from "@/lib/db/testing/each-backend";
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { createCallbackIntake } from "./callback-intake";
import { createEventWriter } from "./event-writer";

function delivery(deliveryId: string, trade: Record<string, unknown>): CallbackDelivery {
  return { deliveryId, signedAt: iso(T0), receivedAtMs: T0, body: { kind: "trade", payload: { trade } } };
}

describeOnEachBackend("callback intake", ({ db }) => {
  const intake = () => createCallbackIntake({ db, writer: createEventWriter({ db, log: () => undefined }), log: () => undefined });

  async function recorded(): Promise<{ trades: { id: string; raw_status: string }[]; history: number }> {
    const trades = await db.query<{ id: string; raw_status: string }>("SELECT id, raw_status FROM trades ORDER BY id");
    const history = await db.query("SELECT 1 FROM trade_history");
    return { trades, history: history.length };
  }

  it("records a trade like a socket event, then answers a replayed delivery id as a duplicate without a second record", async () => {
    const callbacks = intake();
    const trade = wireTrade({ id: "t-1", status: "hold", updatedAt: iso(T0) });
    expect(await callbacks.ingest(delivery("dlv_1", trade))).toEqual({ outcome: "recorded" });
    expect(await recorded()).toEqual({ trades: [{ id: "t-1", raw_status: "hold" }], history: 1 });
    expect(await callbacks.ingest(delivery("dlv_1", trade))).toEqual({ outcome: "duplicate" });
    expect(await recorded()).toEqual({ trades: [{ id: "t-1", raw_status: "hold" }], history: 1 });
    expect(callbacks.stats()).toEqual({ recorded: 1, duplicates: 1, unrecorded: 0, malformed: 0 });
  });

  it("records newer-only: an older status delivered later does not move the trade back", async () => {
    const callbacks = intake();
    await callbacks.ingest(delivery("dlv_new", wireTrade({ id: "t-1", status: "completed", updatedAt: iso(T0 + 60_000) })));
    await callbacks.ingest(delivery("dlv_old", wireTrade({ id: "t-1", status: "active", updatedAt: iso(T0) })));
    expect((await recorded()).trades).toEqual([{ id: "t-1", raw_status: "completed" }]);
  });

  it("keeps nothing of a trade lib/wire refuses, and does not remember its delivery id", async () => {
    const callbacks = intake();
    const outcome = await callbacks.ingest(delivery("dlv_bad", { id: "t-2", status: "hold" }));
    expect(outcome.outcome).toBe("malformed");
    expect(await recorded()).toEqual({ trades: [], history: 0 });
    expect((await db.query("SELECT 1 FROM callback_deliveries")).length).toBe(0);
  });

  it("accepts end-user crypto callbacks without recording them, once per delivery id", async () => {
    const callbacks = intake();
    const crypto: CallbackDelivery = { deliveryId: "dlv_c", signedAt: iso(T0), receivedAtMs: T0, body: { kind: "unrecorded", name: "deposit" } };
    expect((await callbacks.ingest(crypto)).outcome).toBe("unrecorded");
    expect((await callbacks.ingest(crypto)).outcome).toBe("duplicate");
    expect(await recorded()).toEqual({ trades: [], history: 0 });
  });
});
