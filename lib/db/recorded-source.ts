// Where the app's routes get recorded data: straight from PostgreSQL when DATABASE_URL is set (one small
// pool per app process, schema ensured once), otherwise from the recorder process that owns PGlite,
// through its loopback API (see recorder/main.ts for why). Answers from the recorder are parsed with
// zod like any outside value. Throws RecorderUnavailableError, with a one-line reason, when neither works.
import "server-only";
import { z } from "zod";
import { env } from "@/lib/env/server";
import { recordedSnapshotSchema, recordedTradeHistorySchema, recorderHealthReportSchema } from "@/lib/recorded/schema";
import type { RecordedSnapshot, RecordedTradeHistory, RecorderHealthReport } from "@/lib/recorded/types";
import type { Database } from "./database";
import { migrate } from "./migrations";
import { openPostgres } from "./postgres";
import { healthReportOf, historyOf, snapshotOf } from "./recorded-reads";
import { readRecorderEndpoint } from "./recorder-endpoint";
import { type RecordedResync, readResync } from "./resync-reads";
import { readStoreOwner, scopeMismatch } from "./store-owner";

export class RecorderUnavailableError extends Error {}

export interface RecordedSource {
  snapshot(): Promise<RecordedSnapshot>;
  history(tradeId: string): Promise<RecordedTradeHistory>;
  health(): Promise<RecorderHealthReport>;
  /** The recorded version of these trades and the recent ledger rows (a browser's resync). */
  resync(tradeIds: readonly string[]): Promise<RecordedResync>;
  /**
   * Asks the recorder for a reconcile (coalesced there) and waits for it up to `waitMs`; true when it
   * finished in time. Always through the recorder's loopback API: only the recorder reconciles.
   */
  requestReconcile(waitMs: number): Promise<boolean>;
}

const recordedResyncSchema = z.object({
  trades: z.array(z.unknown()),
  funding: z.array(z.unknown()),
  missing: z.number().int().min(0),
  missingIds: z.array(z.string()),
});
const reconcileAnswerSchema = z.object({ done: z.boolean() });

let postgres: Promise<Database> | null = null;

function sharedPostgres(url: string): Promise<Database> {
  postgres ??= (async () => {
    const db = openPostgres(url, { maxConnections: 3, applicationName: "assetpay-ops-app", onError: (line) => console.error(`[recorded] ${line}`) });
    try {
      // Idempotent and lock-protected: the app may come up before its recorder has migrated.
      await migrate(db);
      return db;
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
  })().catch((error: unknown) => {
    postgres = null;
    throw new RecorderUnavailableError(`the recorder's PostgreSQL database is unreachable: ${error instanceof Error ? error.message : String(error)}`);
  });
  return postgres;
}

/** Set once the database's owner (lib/db/store-owner) is this app's merchant and API URL. */
let ownerChecked = false;

/** Never show another merchant's recorded data: the same check a recorder makes before it writes. */
async function checkOwner(db: Database): Promise<void> {
  if (ownerChecked) return;
  const { apiUrl, merchantId } = env();
  const owner = await readStoreOwner(db);
  if (!owner) throw new RecorderUnavailableError("DATABASE_URL: no recorder has checked whose database this is yet");
  const mismatch = scopeMismatch(owner, { apiUrl, ...(merchantId ? { merchantId } : {}) });
  if (mismatch) throw new RecorderUnavailableError(`DATABASE_URL: ${mismatch}`);
  ownerChecked = true;
}

export async function fromDatabase<T>(url: string, read: (db: Database) => Promise<T>): Promise<T> {
  const db = await sharedPostgres(url);
  try {
    await checkOwner(db);
    return await read(db);
  } catch (error) {
    if (error instanceof RecorderUnavailableError) throw error;
    throw new RecorderUnavailableError(`could not read the recorder's database: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function fromRecorder<T>(dataDir: string, route: string, schema: z.ZodType<T>, postBody?: unknown): Promise<T> {
  const endpoint = readRecorderEndpoint(dataDir);
  if ("missing" in endpoint) throw new RecorderUnavailableError(endpoint.missing);
  let response: Response;
  try {
    response = await fetch(`${endpoint.url}${route}`, {
      ...(postBody === undefined ? {} : { method: "POST", body: JSON.stringify(postBody) }),
      headers: { authorization: `Bearer ${endpoint.secret}`, ...(postBody === undefined ? {} : { "content-type": "application/json" }) },
      cache: "no-store",
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new RecorderUnavailableError(`the recorder (pid ${endpoint.pid}) did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
  const body = schema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !body.success) throw new RecorderUnavailableError(`the recorder answered ${route.split("?")[0]} with HTTP ${response.status}`);
  return body.data;
}

export function recordedSource(): RecordedSource {
  const { databaseUrl, recorder } = env();
  if (databaseUrl) {
    return {
      snapshot: () => fromDatabase(databaseUrl, (db) => snapshotOf(db, recorder.snapshotTerminalTrades)),
      history: (tradeId) => fromDatabase(databaseUrl, (db) => historyOf(db, tradeId)),
      health: () => fromDatabase(databaseUrl, healthReportOf),
      resync: (tradeIds) => fromDatabase(databaseUrl, (db) => readResync(db, tradeIds)),
      requestReconcile,
    };
  }
  return {
    snapshot: () => fromRecorder(recorder.dataDir, "/snapshot", recordedSnapshotSchema),
    history: (tradeId) => fromRecorder(recorder.dataDir, `/trades/${encodeURIComponent(tradeId)}/history`, recordedTradeHistorySchema),
    health: () => fromRecorder(recorder.dataDir, "/health", recorderHealthReportSchema),
    resync: (tradeIds) => fromRecorder(recorder.dataDir, "/resync", recordedResyncSchema, { tradeIds }),
    requestReconcile,
  };

  async function requestReconcile(waitMs: number): Promise<boolean> {
    const route = `/reconcile?waitMs=${Math.max(0, Math.round(waitMs))}`;
    return (await fromRecorder(recorder.dataDir, route, reconcileAnswerSchema, {})).done;
  }
}
