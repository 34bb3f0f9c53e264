// The recorder against a real in-process AssetPay simulator: socket events reach the database, history
// is recorded, reconciliation repairs what the socket missed (paused emission, a dropped socket), rate
// limits are survived, and two recorders on one PostgreSQL write each fact once.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/database";
import { readHealth } from "@/lib/db/health-repository";
import { ENDPOINT_FILE, readRecorderEndpoint } from "@/lib/db/recorder-endpoint";
import { postgresTestGate } from "@/lib/db/testing/postgres-cluster";
import { testBackend } from "@/lib/db/testing/test-databases";
import { readSnapshot, readTradeHistory } from "@/lib/db/trade-reads";
import { recordedSnapshotSchema, recordedTradeHistorySchema, recorderHealthReportSchema } from "@/lib/recorded/schema";
import type { RunningSimulator } from "@/sim/server";
import { control, startTestSim, waitFor } from "@/sim/testing/helpers";
import { bucketConfig, type BudgetStore, memoryBudgetStore } from "@/lib/assetpay/rate-budget";
import { startInternalApi } from "./internal-api";
import { startRecorder, type RunningRecorder } from "./recorder";

const gate = postgresTestGate();
if (!gate.run) console.warn(gate.reason);

interface SimTrade {
  id: string;
  status: string;
  updatedAt: string;
}

async function groundTruth(sim: RunningSimulator, ids: string[]): Promise<Map<string, SimTrade>> {
  const response = await fetch(`${sim.url}/__sim/state?ids=${ids.join(",")}`, { headers: { "api-key": sim.apiKey } });
  const body = (await response.json()) as { data: { trades: SimTrade[] } };
  return new Map(body.data.trades.map((trade) => [trade.id, trade]));
}

async function recordedStatuses(db: Database, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; raw_status: string }>("SELECT id, raw_status FROM trades WHERE id = ANY($1::text[])", [ids]);
  return new Map(rows.map((row) => [row.id, row.raw_status]));
}

function recorderFor(sim: RunningSimulator, db: Database, lines: string[], budgetStore?: BudgetStore): Promise<RunningRecorder> {
  return startRecorder({
    db,
    apiKey: sim.apiKey,
    apiUrl: sim.url,
    wsUrl: sim.url,
    reconcileIntervalMs: 60_000,
    retentionDays: 30,
    log: (line) => lines.push(line),
    budgetPerMinute: 600,
    ...(budgetStore ? { budgetStore } : {}),
  });
}

async function restRequests(sim: RunningSimulator): Promise<number> {
  const response = await fetch(`${sim.url}/__sim/stats`, { headers: { "api-key": sim.apiKey } });
  return ((await response.json()) as { data: { rest: { requests: number } } }).data.rest.requests;
}

describe("recorder on PGlite, against the simulator", () => {
  const backend = testBackend("pglite");
  let sim: RunningSimulator;
  let db: Database;
  let recorder: RunningRecorder;
  const lines: string[] = [];
  // The budget's clock, which a test moves past a Retry-After instead of waiting it out.
  let budgetSkewMs = 0;

  beforeAll(async () => {
    sim = await startTestSim();
    ({ db } = await backend.open());
    recorder = await recorderFor(sim, db, lines, memoryBudgetStore(bucketConfig(600), () => Date.now() + budgetSkewMs));
    await waitFor(() => recorder.health.state().connected, 20_000, "the recorder's socket");
    // The first reconcile after connecting finds nothing in flight yet.
    await waitFor(() => recorder.health.state().lastReconcile, 20_000, "the first reconcile");
  }, 180_000);

  afterAll(async () => {
    await recorder?.stop();
    await sim?.close();
    await backend.close();
  }, 60_000);

  afterEach(async () => {
    await control(sim, "emission/resume");
    await control(sim, "rate-limit", { perMinute: 3000 });
  });

  it("records trades created while it listens, including one stalled for 30 minutes, with their history", async () => {
    const stalled: SimTrade = await control(sim, "trades", { status: "active", ageSeconds: 1800 });
    const moving: SimTrade = await control(sim, "trades", { status: "initiated" });
    await control(sim, `trades/${moving.id}/status`, { status: "active" });
    await control(sim, `trades/${moving.id}/status`, { status: "hold" });

    await waitFor(async () => (await recordedStatuses(db, [stalled.id, moving.id])).get(moving.id) === "hold", 10_000, "the moves");
    const snapshot = await readSnapshot(db, { terminalTrades: 10 });
    const stalledRecord = snapshot.trades.find((trade) => (trade.payload as SimTrade).id === stalled.id);
    expect(stalledRecord?.payload).toMatchObject({ id: stalled.id, status: "active", updatedAt: stalled.updatedAt });
    expect(Date.now() - Date.parse(stalled.updatedAt)).toBeGreaterThan(29 * 60_000);

    const history = await readTradeHistory(db, moving.id);
    expect(history.history.map((change) => change.status)).toEqual(["initiated", "active", "hold"]);
    expect(recorder.health.state()).toMatchObject({ connected: true, malformedIgnored: 0 });
    expect(recorder.health.state().eventsRecorded).toBeGreaterThanOrEqual(4);
    expect(recorder.health.state().lastEventLagMs).not.toBeNull();
  });

  it("records funding events and ignores malformed events, counting them", async () => {
    const deposit: { id: string } = await control(sim, "funding", { kind: "deposit", status: "COMPLETED" });
    await control(sim, "inject", { kind: "malformed", event: "trade" });
    await waitFor(async () => {
      const rows = await db.query("SELECT 1 FROM funding WHERE kind = 'deposit' AND id = $1", [deposit.id]);
      return rows.length === 1 && recorder.health.state().malformedIgnored === 1;
    }, 10_000, "the deposit and the malformed count");
    expect(lines.some((line) => line.startsWith("ignored a malformed trade event"))).toBe(true);
  });

  it("reconciles in-flight trades whose changes the socket never delivered", async () => {
    const created: SimTrade[] = [];
    for (let index = 0; index < 5; index += 1) created.push(await control(sim, "trades", { status: "active" }));
    const ids = created.map((trade) => trade.id);
    await waitFor(async () => (await recordedStatuses(db, ids)).size === 5, 10_000, "the new trades");

    // AssetPay's socket is best-effort: these changes reach nobody.
    await control(sim, "emission/pause");
    const targets = ["hold", "completed", "declined", "failed", "canceled"];
    for (const [index, id] of ids.entries()) await control(sim, `trades/${id}/status`, { status: targets[index] });
    expect([...(await recordedStatuses(db, ids)).values()]).toEqual(["active", "active", "active", "active", "active"]);

    const report = await recorder.reconcile("manual");
    expect(report).toMatchObject({ reason: "manual", errors: [] });
    expect(report.checked).toBeGreaterThanOrEqual(5);
    expect(report.changed).toBeGreaterThanOrEqual(5);
    const truth = await groundTruth(sim, ids);
    const recorded = await recordedStatuses(db, ids);
    for (const id of ids) expect(recorded.get(id)).toBe(truth.get(id)?.status);
    // The reconciled change is part of the history too.
    expect((await readTradeHistory(db, ids[1] ?? "")).history.map((change) => change.status)).toEqual(["active", "completed"]);
    expect(recorder.health.state().lastReconcile).toMatchObject({ reason: "manual", changed: report.changed });
  });

  it("reconciles after the socket is dropped and comes back", async () => {
    const trade: SimTrade = await control(sim, "trades", { status: "active" });
    await waitFor(async () => (await recordedStatuses(db, [trade.id])).size === 1, 10_000, "the trade");
    const reconnects = recorder.health.state().reconnects;

    await control(sim, "emission/pause");
    await control(sim, `trades/${trade.id}/status`, { status: "hold" });
    await control(sim, "sockets/drop");
    await waitFor(() => recorder.health.state().reconnects === reconnects + 1, 20_000, "the reconnect");
    await waitFor(async () => (await recordedStatuses(db, [trade.id])).get(trade.id) === "hold", 20_000, "the reconcile after reconnecting");
    expect(recorder.health.state().lastReconcile?.reason).toBe("connected");
    expect(lines.some((line) => line.startsWith("reconnected to AssetPay socket"))).toBe(true);
  });

  it("survives AssetPay's rate limit: no crash, the limit is reported, nothing is sent until Retry-After, then it catches up", async () => {
    const trade: SimTrade = await control(sim, "trades", { status: "active" });
    await waitFor(async () => (await recordedStatuses(db, [trade.id])).size === 1, 10_000, "the trade");
    await control(sim, "emission/pause");
    await control(sim, `trades/${trade.id}/status`, { status: "hold" });
    // Every REST call is refused for the rest of the minute (Retry-After ≈ 60 s, beyond the wait budget).
    await control(sim, "rate-limit", { perMinute: 1 });
    await fetch(`${sim.url}/v1/wallets/me/balance`, { headers: { "api-key": sim.apiKey } });
    const limited = await recorder.reconcile("manual");
    expect(limited.rateLimited).toBeGreaterThanOrEqual(1);
    expect(limited.errors.join(" ")).toMatch(/rate limit/i);
    expect((await recordedStatuses(db, [trade.id])).get(trade.id)).toBe("active");

    await control(sim, "rate-limit", { perMinute: 3000 });
    // AssetPay's 429 paused the whole budget until its Retry-After: a run now asks AssetPay nothing.
    const before = await restRequests(sim);
    const held = await recorder.reconcile("manual");
    expect(held.rateLimited).toBeGreaterThanOrEqual(1);
    expect(await restRequests(sim)).toBe(before);
    budgetSkewMs += 61_000;
    const recovered = await recorder.reconcile("manual");
    expect(recovered.rateLimited).toBe(0);
    expect((await recordedStatuses(db, [trade.id])).get(trade.id)).toBe("hold");
  });

  it("writes its health to the database", async () => {
    await recorder.health.flush();
    const { rows } = await readHealth(db);
    expect(rows).toEqual([expect.objectContaining({ recorderId: recorder.health.identity.recorderId, pid: process.pid })]);
    expect(rows[0]?.state.connected).toBe(true);
  });

  it("serves the app's reads over its loopback API, only with the secret", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "recorder-api-"));
    const writes = { callbacks: recorder.callbacks, backfill: recorder.backfill };
    const api = await startInternalApi({ db, dataDir, snapshotTerminalTrades: 100, log: () => undefined, writes });
    try {
      const endpoint = readRecorderEndpoint(dataDir);
      expect(endpoint).toEqual(api.endpoint);
      const { url, secret } = api.endpoint;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/snapshot`)).status).toBe(401);
      expect((await fetch(`${url}/snapshot`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
      const auth = { headers: { authorization: `Bearer ${secret}` } };

      const snapshot = recordedSnapshotSchema.parse(await (await fetch(`${url}/snapshot`, auth)).json());
      expect(snapshot.trades.length).toBeGreaterThan(5);
      const someId = (snapshot.trades[0]?.payload as SimTrade).id;
      const history = recordedTradeHistorySchema.parse(await (await fetch(`${url}/trades/${encodeURIComponent(someId)}/history`, auth)).json());
      expect(history).toMatchObject({ tradeId: someId, known: true });
      const health = recorderHealthReportSchema.parse(await (await fetch(`${url}/health`, auth)).json());
      expect(health).toMatchObject({ database: "pglite", recorders: [expect.objectContaining({ alive: true })] });
      expect((await fetch(`${url}/nope`, auth)).status).toBe(404);
    } finally {
      await api.close();
      expect(readRecorderEndpoint(dataDir)).toEqual({ missing: expect.stringContaining(ENDPOINT_FILE) });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!gate.run)(`two recorders on one PostgreSQL${gate.run ? "" : ` — ${gate.reason}`}`, () => {
  const backend = testBackend("postgres");
  let sim: RunningSimulator;
  const recorders: RunningRecorder[] = [];
  const databases: Database[] = [];

  beforeAll(async () => {
    sim = await startTestSim();
    const first = await backend.open();
    databases.push(first.db);
    const { openPostgres } = await import("@/lib/db/postgres");
    databases.push(openPostgres(first.url ?? ""));
    for (const db of databases) recorders.push(await recorderFor(sim, db, []));
    await waitFor(() => recorders.every((r) => r.health.state().connected), 20_000, "both sockets");
  }, 180_000);

  afterAll(async () => {
    for (const recorder of recorders) await recorder.stop();
    await sim?.close();
    for (const db of databases.slice(1)) await db.close();
    await backend.close();
  }, 60_000);

  it("record every fact once and agree after reconciling", async () => {
    const [db] = databases as [Database];
    const trades: SimTrade[] = [];
    for (let index = 0; index < 10; index += 1) trades.push(await control(sim, "trades", { status: "initiated" }));
    for (const trade of trades) {
      await control(sim, `trades/${trade.id}/status`, { status: "active" });
      await control(sim, `trades/${trade.id}/status`, { status: "hold" });
    }
    const ids = trades.map((trade) => trade.id);
    await waitFor(async () => [...(await recordedStatuses(db, ids)).values()].filter((s) => s === "hold").length === 10, 15_000, "all moves");
    await Promise.all(recorders.map((recorder) => recorder.writer.drain()));

    const rows = await db.query<{ n: number | string }>("SELECT count(*) AS n FROM trade_history WHERE trade_id = ANY($1::text[])", [ids]);
    expect(Number(rows[0]?.n)).toBe(30);
    for (const id of ids.slice(0, 3)) {
      expect((await readTradeHistory(db, id)).history.map((change) => change.status)).toEqual(["initiated", "active", "hold"]);
    }

    await control(sim, "emission/pause");
    for (const id of ids) await control(sim, `trades/${id}/status`, { status: "completed" });
    await Promise.all(recorders.map((recorder) => recorder.reconcile("manual")));
    await control(sim, "emission/resume");
    const recorded = await recordedStatuses(db, ids);
    expect([...recorded.values()]).toEqual(Array(10).fill("completed"));
    const { rows: health } = await readHealth(db);
    expect(health).toHaveLength(2);
  });
});
