import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { T0, iso, wireTrade } from "@/lib/trades/test-fixtures";
import { parseFundingEvent } from "@/lib/wire/parse-funding";
import { parseTrade } from "@/lib/wire/parse-trade";
import type { Database } from "./database";
import { openPostgres } from "./postgres";
import { postgresTestGate } from "./testing/postgres-cluster";
import { EMPTY_TABLES, testBackend, type BackendKind } from "./testing/test-databases";
import {
  type FundingVersion,
  type TradeVersion,
  confirmTrades,
  listInFlightTradeIds,
  pruneRecorded,
  readSnapshot,
  readTradeHistory,
  recordFunding,
  recordTrades,
} from "./trade-repository";

const gate = postgresTestGate();
if (!gate.run) console.warn(gate.reason);

function version(overrides: Record<string, unknown>): TradeVersion {
  const payload = wireTrade(overrides);
  const parsed = parseTrade(payload);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { trade: parsed.value, payload };
}

const at = (minutes: number) => iso(T0 + minutes * 60_000);

function funding(id: string, status: string, createdMinutes: number, completedMinutes?: number): FundingVersion {
  const payload = {
    id,
    status,
    amounts: { usd: "100.00", token: "100" },
    createdAt: at(createdMinutes),
    ...(completedMinutes === undefined ? {} : { completedAt: at(completedMinutes) }),
  };
  const parsed = parseFundingEvent("deposit", { funding: payload });
  if (!parsed.ok) throw new Error(parsed.reason);
  return { funding: parsed.value, format: "event", payload };
}

function repositoryTests(kind: BackendKind) {
  const backend = testBackend(kind);
  let db: Database;
  let url: string | null;

  beforeAll(async () => {
    ({ db, url } = await backend.open());
  }, 180_000);
  afterAll(() => backend.close(), 60_000);
  beforeEach(async () => {
    await db.query(EMPTY_TABLES);
  });

  async function stored(id: string) {
    const rows = await db.query<{ status: string; raw_status: string; terminal: boolean; payload: { updatedAt: string } }>(
      "SELECT status, raw_status, terminal, payload FROM trades WHERE id = $1",
      [id],
    );
    return rows[0];
  }

  it("upserts only newer versions by updatedAt", async () => {
    const id = "trade-a";
    const counts = await recordTrades(db, [version({ id, status: "active", updatedAt: at(1) })], T0);
    expect(counts).toMatchObject({ inserted: 1, updated: 0, unchanged: 0 });

    expect(await recordTrades(db, [version({ id, status: "hold", updatedAt: at(5) })], T0)).toMatchObject({ updated: 1 });
    // Older and equal-but-earlier-lifecycle versions change nothing.
    expect(await recordTrades(db, [version({ id, status: "initiated", updatedAt: at(0) })], T0)).toMatchObject({ unchanged: 1 });
    expect(await recordTrades(db, [version({ id, status: "active", updatedAt: at(5) })], T0)).toMatchObject({ unchanged: 1 });
    expect((await stored(id))?.status).toBe("hold");

    // Same updatedAt, later lifecycle step wins (the browser store's tie rule).
    expect(await recordTrades(db, [version({ id, status: "completed", updatedAt: at(5) })], T0)).toMatchObject({ updated: 1 });
    const row = await stored(id);
    expect(row).toMatchObject({ status: "completed", terminal: true });
    expect(row?.payload.updatedAt).toBe(at(5));
  });

  it("keeps the payload exactly as AssetPay sent it, including legacy statuses", async () => {
    await recordTrades(db, [version({ id: "legacy", status: "PENDING", updatedAt: at(1) })], T0);
    const row = await stored("legacy");
    expect(row).toMatchObject({ status: "active", raw_status: "PENDING" });
    expect(row?.payload).toMatchObject({ id: "legacy", status: "PENDING", clientSteamID: "76561198000000001" });
  });

  it("appends each status change to the history once, however often it is replayed", async () => {
    const id = "trade-h";
    const steps = [
      version({ id, status: "initiated", updatedAt: at(0) }),
      version({ id, status: "active", updatedAt: at(1) }),
      // A metadata-only update in the same status is not a status change.
      version({ id, status: "active", updatedAt: at(2), offerID: "999" }),
      version({ id, status: "hold", updatedAt: at(3) }),
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
    await recordTrades(db, [version({ id, status: "hold", updatedAt: at(3) })], T0);
    await recordTrades(db, [version({ id, status: "active", updatedAt: at(1) })], T0);
    await recordTrades(db, [version({ id, status: "initiated", updatedAt: at(0) })], T0);
    expect((await readTradeHistory(db, id)).history.map((change) => change.status)).toEqual(["initiated", "active", "hold"]);
    expect((await stored(id))?.status).toBe("hold");
  });

  it("answers unknown trades with an empty, unknown history", async () => {
    expect(await readTradeHistory(db, "nope")).toEqual({ tradeId: "nope", known: false, history: [] });
  });

  it("refuses versions it cannot store without losing the rest of the batch", async () => {
    const huge = version({ id: "huge", updatedAt: at(1) });
    huge.payload = { ...wireTrade({ id: "huge" }), blob: "x".repeat(1_100_000) };
    const nul = version({ id: "nul", updatedAt: at(1), items: [{ id: "i", name: "bad \u0000 name" }] });
    const counts = await recordTrades(db, [huge, version({ id: "fine", updatedAt: at(1) }), nul], T0);
    expect(counts.inserted).toBe(2);
    expect(counts.refused).toEqual([expect.stringMatching(/^trade huge: payload not storable/)]);
  });

  it("stays correct with two writers racing on the same events", async () => {
    const second = url === null ? db : openPostgres(url);
    try {
      const ids = Array.from({ length: 30 }, (_, index) => `race-${String(index).padStart(2, "0")}`);
      const statuses = ["initiated", "active", "hold", "completed"] as const;
      const all = ids.flatMap((id) => statuses.map((status, step) => version({ id, status, updatedAt: at(step) })));
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

  it("upserts funding newer-only by its latest timestamp, terminal winning ties", async () => {
    expect(await recordFunding(db, [funding("f-1", "PENDING", 0)], T0)).toMatchObject({ inserted: 1 });
    expect(await recordFunding(db, [funding("f-1", "COMPLETED", 0, 5)], T0)).toMatchObject({ updated: 1 });
    expect(await recordFunding(db, [funding("f-1", "PENDING", 0, 2)], T0)).toMatchObject({ unchanged: 1 });
    expect(await recordFunding(db, [funding("f-1", "PENDING", 0, 5)], T0)).toMatchObject({ unchanged: 1 });
    const rows = await db.query<{ status: string; terminal: boolean }>("SELECT status, terminal FROM funding");
    expect(rows).toEqual([{ status: "completed", terminal: true }]);
  });

  it("serves a snapshot of every in-flight trade, the most recent terminal ones and recent funding", async () => {
    const versions = [
      version({ id: "live-1", status: "active", updatedAt: at(1) }),
      version({ id: "live-2", status: "teleported", updatedAt: at(2) }),
      ...Array.from({ length: 6 }, (_, index) => version({ id: `done-${index}`, status: "completed", updatedAt: at(10 + index) })),
    ];
    await recordTrades(db, versions, T0);
    await recordTrades(db, [version({ id: "live-1", status: "initiated", updatedAt: at(0) })], T0);
    await recordFunding(db, [funding("f-1", "PENDING", 0), funding("f-2", "COMPLETED", 0, 1)], T0);

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

  it("lists in-flight trades for reconciliation, least recently confirmed first", async () => {
    await recordTrades(db, [version({ id: "b", status: "active", updatedAt: at(1) }), version({ id: "c", status: "failed", updatedAt: at(1) })], T0);
    await recordTrades(db, [version({ id: "a", status: "hold", updatedAt: at(1) })], T0 + 1_000);
    expect(await listInFlightTradeIds(db)).toEqual(["b", "a"]);
    await confirmTrades(db, ["b"], T0 + 5_000);
    expect(await listInFlightTradeIds(db)).toEqual(["a", "b"]);
  });

  it("prunes terminal trades and funding older than the retention, and trades AssetPay stopped confirming", async () => {
    await recordTrades(db, [version({ id: "old-done", status: "completed", updatedAt: at(1) })], T0);
    await recordTrades(db, [version({ id: "new-done", status: "completed", updatedAt: at(100) })], T0);
    await recordTrades(db, [version({ id: "old-active", status: "active", updatedAt: at(1) })], T0);
    await recordTrades(db, [version({ id: "lost", status: "active", updatedAt: at(1) })], T0);
    await confirmTrades(db, ["old-active"], T0 + 200 * 60_000);
    await recordFunding(db, [funding("f-old", "COMPLETED", 0, 1), funding("f-open", "PENDING", 0)], T0);

    const result = await pruneRecorded(db, T0 + 50 * 60_000);
    expect(result).toEqual({ trades: 2, funding: 1 });
    const left = await db.query<{ id: string }>("SELECT id FROM trades ORDER BY id");
    expect(left.map((row) => row.id)).toEqual(["new-done", "old-active"]);
    const history = await db.query<{ trade_id: string }>("SELECT DISTINCT trade_id FROM trade_history ORDER BY trade_id");
    expect(history.map((row) => row.trade_id)).toEqual(["new-done", "old-active"]);
    expect(await pruneRecorded(db, T0 + 50 * 60_000)).toEqual({ trades: 0, funding: 0 });
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

describe("trade repository on PGlite", () => repositoryTests("pglite"));
describe.skipIf(!gate.run)(`trade repository on PostgreSQL${gate.run ? "" : ` — ${gate.reason}`}`, () => repositoryTests("postgres"));
