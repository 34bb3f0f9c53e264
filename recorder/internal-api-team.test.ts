// The recorder's POST /team: with PGlite the app's alert and team routes run their calls here.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/lib/db/database";
import { applyAlertEvaluations } from "@/lib/db/alert-raising";
import { teamAnswerSchemas } from "@/lib/db/team-calls";
import { testBackend } from "@/lib/db/testing/test-databases";
import { startInternalApi, type InternalApi } from "./internal-api";

const backend = testBackend("pglite");
let db: Database;
let api: InternalApi;
let dataDir: string;

beforeAll(async () => {
  db = (await backend.open()).db;
  dataDir = mkdtempSync(path.join(os.tmpdir(), "recorder-team-"));
  const writes = { callbacks: { ingest: async () => ({ recorded: false }) } as never, backfill: async () => ({}) as never };
  api = await startInternalApi({ db, dataDir, snapshotTerminalTrades: 10, log: () => undefined, writes });
  await applyAlertEvaluations(
    db,
    [{ subject: "trade:t-1", tradeId: "t-1", fundingId: null, game: "rust", kinds: ["failed"], holding: [{ kind: "failed", reason: "Failed" }] }],
    { deliver: false },
  );
}, 120_000);

afterAll(async () => {
  await api.close();
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const team = (body: unknown, secret = api.endpoint.secret) =>
  fetch(`${api.endpoint.url}/team`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify(body) });

it("runs team calls on the recorder's store, only with the secret, and refuses what is not a call", async () => {
  expect((await team({ op: "list", state: "open", limit: 10 }, "wrong")).status).toBe(401);
  const list = teamAnswerSchemas.list.parse(await (await team({ op: "list", state: "open", limit: 10 })).json());
  expect(list.alerts.map((alert) => alert.id)).toEqual(["failed:trade:t-1:1"]);
  const ack = teamAnswerSchemas.acknowledge.parse(await (await team({ op: "acknowledge", id: "failed:trade:t-1:1", actor: "a@ops.test", address: "127.0.0.1", userAgent: null })).json());
  expect(ack).toMatchObject({ changed: true, alert: { acknowledgedBy: "a@ops.test" } });
  expect(await (await team({ op: "acknowledge", id: "nope", actor: "a@ops.test", address: "127.0.0.1", userAgent: null })).json()).toBeNull();
  expect((await team({ op: "drop-tables" })).status).toBe(400);
  expect((await team({ op: "note", tradeId: "t-1", text: "x".repeat(2_001), actor: "a@ops.test", address: "127.0.0.1", userAgent: null })).status).toBe(400);
});

it("appends audit events and reads them back newest first over the loopback (recordAuditEvent's path with PGlite)", async () => {
  const event = { actor: "admin@ops.test", action: "export", subject: "audit-log", detail: "2 rows", address: "127.0.0.1", userAgent: "vitest" };
  const appended = teamAnswerSchemas["audit-append"].parse(await (await team({ op: "audit-append", event })).json());
  expect(appended).toMatchObject(event);
  const query = { actor: null, action: "export", from: null, to: null, before: null, limit: 10 };
  const page = teamAnswerSchemas["audit-read"].parse(await (await team({ op: "audit-read", query })).json());
  expect(page.entries.map((entry) => entry.id)).toEqual([appended.id]);
  expect((await team({ op: "audit-append", event: { ...event, action: "drop-table" } })).status).toBe(400);
});
