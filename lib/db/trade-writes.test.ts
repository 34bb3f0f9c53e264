import { expect, it } from "vitest";
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { openPostgres } from "./postgres";
import { describeOnEachBackend } from "./testing/each-backend";
import { at, tradeVersion } from "./testing/recorded-versions";
import { readTradeHistory } from "./trade-reads";
import { recordTrades } from "./trade-writes";

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

describeOnEachBackend("trade writes", ({ db, url }) => {
  async function stored(id: string) {
    const rows = await db.query<{ status: string; raw_status: string; terminal: boolean; payload: { updatedAt: string } }>(
      "SELECT status, raw_status, terminal, payload FROM trades WHERE id = $1",
      [id],
    );
    return rows[0];
  }

  it("upserts only newer versions by updatedAt", async () => {
    const id = "trade-a";
    const counts = await recordTrades(db, [tradeVersion({ id, status: "active", updatedAt: at(1) })], T0);
    expect(counts).toMatchObject({ inserted: 1, updated: 0, unchanged: 0 });

    expect(await recordTrades(db, [tradeVersion({ id, status: "hold", updatedAt: at(5) })], T0)).toMatchObject({ updated: 1 });
    // Older and equal-but-earlier-lifecycle versions change nothing.
    expect(await recordTrades(db, [tradeVersion({ id, status: "initiated", updatedAt: at(0) })], T0)).toMatchObject({ unchanged: 1 });
    expect(await recordTrades(db, [tradeVersion({ id, status: "active", updatedAt: at(5) })], T0)).toMatchObject({ unchanged: 1 });
    expect((await stored(id))?.status).toBe("hold");

    // Same updatedAt, later lifecycle step wins (the browser store's tie rule).
    expect(await recordTrades(db, [tradeVersion({ id, status: "completed", updatedAt: at(5) })], T0)).toMatchObject({ updated: 1 });
    const row = await stored(id);
    expect(row).toMatchObject({ status: "completed", terminal: true });
    expect(row?.payload.updatedAt).toBe(at(5));
  });

  it("keeps the payload exactly as AssetPay sent it, including legacy statuses", async () => {
    await recordTrades(db, [tradeVersion({ id: "legacy", status: "PENDING", updatedAt: at(1) })], T0);
    const row = await stored("legacy");
    expect(row).toMatchObject({ status: "active", raw_status: "PENDING" });
    expect(row?.payload).toMatchObject({ id: "legacy", status: "PENDING", clientSteamID: "76561198000000001" });
  });

  it("appends each status change to the history once, however often it is replayed", async () => {
    const id = "trade-h";
    const steps = [
      tradeVersion({ id, status: "initiated", updatedAt: at(0) }),
      tradeVersion({ id, status: "active", updatedAt: at(1) }),
      // A metadata-only update in the same status is not a status change.
      tradeVersion({ id, status: "active", updatedAt: at(2), offerID: "999" }),
      tradeVersion({ id, status: "hold", updatedAt: at(3) }),
    ];
    for (const step of steps) await recordTrades(db, [step], T0 + 10_000);
    await recordTrades(db, steps, T0 + 20_000);
    await recordTrades(db, [...steps].reverse(), T0 + 30_000);

    const { known, history } = await readTradeHistory(db, id);
    expect(known).toBe(true);
    expect(history.map((change) => [change.status, change.at])).toEqual([
      ["initiated", at(0)],
      ["active", at(1)],
      ["hold", at(3)],
    ]);
    // The first observation is kept.
    expect(history[0]?.observedAt).toBe(iso(T0 + 10_000));
  });

  it("records a status seen out of order without duplicating neighbours", async () => {
    const id = "trade-o";
    await recordTrades(db, [tradeVersion({ id, status: "hold", updatedAt: at(3) })], T0);
    await recordTrades(db, [tradeVersion({ id, status: "active", updatedAt: at(1) })], T0);
    await recordTrades(db, [tradeVersion({ id, status: "initiated", updatedAt: at(0) })], T0);
    expect((await readTradeHistory(db, id)).history.map((change) => change.status)).toEqual(["initiated", "active", "hold"]);
    expect((await stored(id))?.status).toBe("hold");
  });

  it("refuses versions it cannot store without losing the rest of the batch", async () => {
    const huge = tradeVersion({ id: "huge", updatedAt: at(1) });
    huge.payload = { ...wireTrade({ id: "huge" }), blob: "x".repeat(1_100_000) };
    const nul = tradeVersion({ id: "nul", updatedAt: at(1), items: [{ id: "i", name: "bad \u0000 name" }] });
    const counts = await recordTrades(db, [huge, tradeVersion({ id: "fine", updatedAt: at(1) }), nul], T0);
    expect(counts.inserted).toBe(2);
    expect(counts.refused).toEqual([expect.stringMatching(/^trade huge: payload not storable/)]);
  });

  it("stays correct with two writers racing on the same events", async () => {
    const secondUrl = url();
    const second = secondUrl === null ? db : openPostgres(secondUrl);
    try {
      const ids = Array.from({ length: 30 }, (_, index) => `race-${String(index).padStart(2, "0")}`);
      const statuses = ["initiated", "active", "hold", "completed"] as const;
      const all = ids.flatMap((id) => statuses.map((status, step) => tradeVersion({ id, status, updatedAt: at(step) })));
      const shuffled = [...all].sort(() => Math.random() - 0.5);
      // Two recorders receive the same stream in different orders and batch it differently.
      await Promise.all([
        ...chunks(all, 7).map((batch) => recordTrades(db, batch, T0)),
        ...chunks(shuffled, 11).map((batch) => recordTrades(second, batch, T0)),
      ]);
      const rows = await db.query<{ status: string; n: number | string }>("SELECT status, count(*) AS n FROM trades GROUP BY status");
      expect(rows.map((row) => [row.status, Number(row.n)])).toEqual([["completed", 30]]);
      const history = await db.query<{ n: number | string }>("SELECT count(*) AS n FROM trade_history");
      expect(Number(history[0]?.n)).toBe(30 * 4);
      for (const id of ids.slice(0, 3)) {
        expect((await readTradeHistory(db, id)).history.map((change) => change.status)).toEqual([...statuses]);
      }
    } finally {
      if (second !== db) await second.close();
    }
  });
});
