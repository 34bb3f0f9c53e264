import { expect, it } from "vitest";
import { listAlerts } from "@/lib/db/alert-team";
import type { Database } from "@/lib/db/database";
import { type FundingVersion, recordFunding } from "@/lib/db/funding-writes";
import { describeOnEachBackend } from "@/lib/db/testing/each-backend";
import { depositVersion, tradeVersion } from "@/lib/db/testing/recorded-versions";
import { recordTrades } from "@/lib/db/trade-writes";
import { DEFAULT_STALL_LIMITS } from "@/lib/trades/stall-rules";
import { parseFundingEvent } from "@/lib/wire/parse-funding";
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

  it("raises funding-failed for a withdrawal awaiting admin beyond the stuck limit, not for one within it", async () => {
    const now = Date.now();
    const withdrawal = (id: string, waitedMin: number): FundingVersion => {
      const since = new Date(now - waitedMin * MIN).toISOString();
      const payload = { id, status: "PENDING_ADMIN", amounts: { usd: "500.00", token: "500" }, createdAt: since, updatedAt: since };
      const parsed = parseFundingEvent("withdrawal", { funding: payload });
      if (!parsed.ok) throw new Error(parsed.reason);
      return { funding: parsed.value, format: "event", payload };
    };
    await recordFunding(db, [withdrawal("w-stuck", 42), withdrawal("w-fresh", 5)], now);
    await worker().run();
    const { alerts } = await listAlerts(db, { state: "open", limit: 200 });
    expect(alerts.map((alert) => `${alert.kind} ${alert.fundingId}`)).toEqual(["funding-failed w-stuck"]);
    expect(alerts[0]?.reason).toContain("Crypto withdrawal awaiting admin for 42 min, over the 30 min limit");
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

  const failedTrade = (id: string) => tradeVersion({ id, status: "failed", updatedAt: new Date(Date.now() - MIN).toISOString() });
  const scannedTo = async () => (await db.query<{ at: unknown }>("SELECT scanned_to AS at FROM alert_scan"))[0]?.at ?? null;

  it("a pass that fails while raising does not move the scan cursor, so the next pass still raises what it missed", async () => {
    await worker().run();
    const before = await scannedTo();
    await recordTrades(db, [failedTrade("failed-2")], Date.now());
    let refuse = true;
    const flaky: Database = {
      kind: db.kind,
      query: (sql, params) => {
        if (refuse && sql.includes("INSERT INTO alerts")) return Promise.reject(new Error("connection lost"));
        return db.query(sql, params);
      },
      transaction: (work) => db.transaction(work),
      close: () => db.close(),
    };
    const lines: string[] = [];
    await createAlertWorker({ db: flaky, stallLimits: DEFAULT_STALL_LIMITS, fundingStuckMs: 30 * MIN, deliver: true, log: (line) => lines.push(line) }).run();
    expect(lines.join("\n")).toContain("alert pass failed: connection lost");
    expect(await scannedTo()).toEqual(before);
    refuse = false;
    await worker().run();
    expect((await listAlerts(db, { state: "all", limit: 200 })).alerts.map((alert) => alert.tradeId)).toEqual(["failed-2"]);
  });

  it("a recorder that died after raising but before moving the cursor: its successor raises what changed meanwhile, and nothing twice", async () => {
    await worker().run();
    await recordTrades(db, [failedTrade("failed-2")], Date.now());
    // The dead pass raised failed-2 (queued for the webhook) and stopped before advancing alert_scan.
    const scanned = await scannedTo();
    await worker().run();
    await db.query("UPDATE alert_scan SET scanned_to = $1::timestamptz", [scanned instanceof Date ? scanned.toISOString() : String(scanned)]);
    await recordTrades(db, [failedTrade("failed-3")], Date.now());

    await worker().run();
    const { alerts } = await listAlerts(db, { state: "all", limit: 200 });
    expect(alerts.map((alert) => alert.id).sort()).toEqual(["failed:trade:failed-2:1", "failed:trade:failed-3:1"]);
    const [row] = await db.query<{ n: number | string }>("SELECT count(*) AS n FROM alerts WHERE delivery_due_at IS NOT NULL");
    expect(Number(row?.n)).toBe(2);
  });
});
