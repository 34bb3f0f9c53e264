import { expect, it } from "vitest";
import { listAlerts } from "@/lib/db/alert-team";
import { recordFunding } from "@/lib/db/funding-writes";
import { describeOnEachBackend } from "@/lib/db/testing/each-backend";
import { depositVersion, tradeVersion } from "@/lib/db/testing/recorded-versions";
import { recordTrades } from "@/lib/db/trade-writes";
import { DEFAULT_STALL_LIMITS } from "@/lib/trades/stall-rules";
import { createAlertWorker } from "./alert-worker";

const MIN = 60_000;

describeOnEachBackend("alert worker", ({ db }) => {
  const worker = () => createAlertWorker({ db, stallLimits: DEFAULT_STALL_LIMITS, fundingStuckMs: 30 * MIN, deliver: true, log: () => undefined });

  async function recordStalledAndFailed(): Promise<void> {
    const now = Date.now();
    await recordTrades(
      db,
      [
        tradeVersion({ id: "stalled-1", status: "active", createdAt: new Date(now - 60 * MIN).toISOString(), updatedAt: new Date(now - 42 * MIN).toISOString() }),
        tradeVersion({ id: "fresh-1", status: "active", createdAt: new Date(now - 2 * MIN).toISOString(), updatedAt: new Date(now - MIN).toISOString() }),
        tradeVersion({ id: "failed-1", status: "failed", updatedAt: new Date(now - MIN).toISOString() }),
      ],
      now,
    );
    await recordFunding(db, [depositVersion("dep-1", "FAILED", -5)], now);
  }

  it("raises stalled, failed and funding alerts from the recorded state with no browser involved", async () => {
    await recordStalledAndFailed();
    await worker().run();
    const { alerts } = await listAlerts(db, { state: "open", limit: 200 });
    expect(alerts.map((alert) => `${alert.kind} ${alert.tradeId ?? alert.fundingId}`).sort()).toEqual([
      "failed failed-1",
      "funding-failed dep-1",
      "stalled stalled-1",
    ]);
    expect(alerts.find((alert) => alert.kind === "stalled")?.reason).toContain("42 min");
  });

  it("two recorders, and a restarted one, raise each alert once", async () => {
    await recordStalledAndFailed();
    const a = worker();
    const b = worker();
    await Promise.all([a.run(), b.run()]);
    await worker().run();
    const { alerts } = await listAlerts(db, { state: "all", limit: 200 });
    expect(alerts).toHaveLength(3);
    const [row] = await db.query<{ n: number | string }>("SELECT count(*) AS n FROM alerts WHERE delivery_due_at IS NOT NULL");
    expect(Number(row?.n)).toBe(3);
  });
});
