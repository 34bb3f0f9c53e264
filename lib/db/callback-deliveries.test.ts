import { expect, it } from "vitest";
import { T0 } from "@/lib/trades/test-fixtures";
import { isDeliveryRecorded, noteDelivery, pruneDeliveries } from "./callback-deliveries";
import { describeOnEachBackend } from "./testing/each-backend";

const delivery = (deliveryId: string, receivedAtMs = T0) => ({
  deliveryId,
  kind: "trade" as const,
  tradeId: "t-1",
  signedAt: new Date(receivedAtMs).toISOString(),
  receivedAtMs,
});

describeOnEachBackend("callback deliveries", ({ db }) => {
  it("notes a delivery id once; a second note of the same id is refused", async () => {
    expect(await isDeliveryRecorded(db, "dlv_1")).toBe(false);
    expect(await noteDelivery(db, delivery("dlv_1"))).toBe(true);
    expect(await noteDelivery(db, delivery("dlv_1"))).toBe(false);
    expect(await isDeliveryRecorded(db, "dlv_1")).toBe(true);
    expect(await isDeliveryRecorded(db, "dlv_2")).toBe(false);
  });

  it("prunes ids received before the cut-off only", async () => {
    await noteDelivery(db, delivery("old", T0 - 60_000));
    await noteDelivery(db, delivery("new", T0 + 60_000));
    expect(await pruneDeliveries(db, T0)).toBe(1);
    expect(await isDeliveryRecorded(db, "old")).toBe(false);
    expect(await isDeliveryRecorded(db, "new")).toBe(true);
  });
});
