// `npm run recorder` (and a child of `npm start`): records every AssetPay trade and funding event into a
// database and reconciles in-flight trades against REST, so a board opened at 09:00 still sees the trade
// stuck since 08:30. Runs under `tsx --conditions=react-server` so `server-only` modules load.
//
// Storage and why the process layout is what it is:
// - DATABASE_URL set: PostgreSQL. The recorder writes, the app reads the same database directly; any
//   number of app+recorder pairs may share it (writes are newer-only and idempotent, migrations are
//   serialized by an advisory lock).
// - unset: embedded PGlite in RECORDER_DATA_DIR (default .data/). PGlite is single-process, so this
//   process owns it exclusively (a lock file refuses a second recorder on the same directory) and
//   serves the app's reads over a loopback HTTP API whose address and secret it writes next to the data.
// Before it records anything it checks whose store this is (./store-scope.ts): another merchant's or
// another API URL's store is refused with one line and exit 1.
// Logs one line per notable event to stdout; never prints the API key, the secret or DATABASE_URL.
import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createAssetPayClient } from "@/lib/assetpay/rest-client";
import type { Database } from "@/lib/db/database";
import { migrate } from "@/lib/db/migrations";
import { pgliteDirIn } from "@/lib/db/pglite-dir";
import { EnvError } from "@/lib/env/env-error";
import { parseRecorderEnv } from "@/lib/env/recorder";
import { parseStallLimits } from "@/lib/env/stall-limits";
import { DEFAULT_STALL_LIMITS } from "@/lib/trades/stall-rules";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock";
import { DataDirPermissionError, preparePrivateDataDir, tightenModes } from "./data-dir-permissions";
import { startInternalApi, type InternalApi } from "./internal-api";
import { type RunningRecorder, startRecorder } from "./recorder";
import { MerchantIdError, checkStoreScope } from "./store-scope";

const log = (line: string) => console.log(`[recorder] ${line}`);

function fail(...lines: string[]): never {
  for (const line of lines) console.error(`[recorder] ${line}`);
  process.exit(1);
}

/** What has been started so far, stopped in reverse on a signal — also mid-start, so PGlite is never killed while it writes. */
const TIGHTEN_EVERY_MS = 5 * 60_000;

const started: {
  opening: Promise<Database> | null;
  release: (() => void) | null;
  recorder: RunningRecorder | null;
  api: InternalApi | null;
  stopping: boolean;
} = { opening: null, release: null, recorder: null, api: null, stopping: false };

async function stop(signal: string): Promise<void> {
  if (started.stopping) return;
  started.stopping = true;
  log(`${signal}: stopping…`);
  const force = setTimeout(() => {
    log("did not stop within 10 s; exiting");
    process.exit(1);
  }, 10_000);
  force.unref();
  await started.api?.close();
  await started.recorder?.stop();
  const db = await started.opening?.catch(() => null);
  await db?.close().catch(() => undefined);
  started.release?.();
  log("stopped");
  process.exit(0);
}

async function openStorage(databaseUrl: string | null, dataDir: string): Promise<Database> {
  if (databaseUrl) {
    const { openPostgres } = await import("@/lib/db/postgres");
    log("storage: PostgreSQL (DATABASE_URL)");
    return openPostgres(databaseUrl, { applicationName: "assetpay-ops-recorder", onError: log });
  }
  try {
    started.release = lockDataDir(dataDir).release;
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(error.message);
    throw error;
  }
  const { openPglite } = await import("@/lib/db/pglite");
  log(`storage: PGlite in ${pgliteDirIn(dataDir)}`);
  return openPglite(pgliteDirIn(dataDir));
}

/** PGlite writes its files 0666 whatever the umask: tighten them now and as new ones appear. */
function keepDataDirPrivate(dataDir: string): void {
  const tighten = () => {
    try {
      tightenModes(dataDir);
    } catch (error) {
      log(`could not tighten file modes in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  tighten();
  setInterval(tighten, TIGHTEN_EVERY_MS).unref();
}

async function main(): Promise<void> {
  let env;
  let stallLimits;
  try {
    env = parseRecorderEnv(process.env);
    // The board's STALL_* limits: the recorder raises "stalled" alerts by the same rules.
    stallLimits = { ...DEFAULT_STALL_LIMITS, ...parseStallLimits(process.env) };
  } catch (error) {
    if (error instanceof EnvError) fail(...error.lines);
    throw error;
  }
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  const dataDir = path.resolve(env.recorder.dataDir);
  // Customers' data (PGlite) and the loopback API's secret: every file this process creates is its
  // owner's alone, in a directory only its owner may enter.
  process.umask(0o077);
  try {
    preparePrivateDataDir(dataDir, { refuseShared: !env.databaseUrl });
  } catch (error) {
    if (error instanceof DataDirPermissionError) fail(error.message);
    throw error;
  }
  started.opening = openStorage(env.databaseUrl, dataDir);
  const db = await started.opening;

  try {
    const migrated = await migrate(db);
    if (migrated.applied.length > 0) log(`applied migrations: ${migrated.applied.join(", ")}`);
    if (migrated.unknown.length > 0) log(`the database has newer migrations (${migrated.unknown.join(", ")}) than this version knows`);
  } catch (error) {
    if (started.stopping) return;
    await db.close().catch(() => undefined);
    started.release?.();
    fail(`could not prepare the database: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (started.stopping) return;

  // Whose store is this? A recorder of another merchant (or another AssetPay) must never write into it.
  const client = createAssetPayClient({ baseUrl: env.apiUrl, apiKey: env.apiKey });
  const store = env.databaseUrl ? "DATABASE_URL" : `RECORDER_DATA_DIR (${dataDir})`;
  let scope;
  try {
    scope = await checkStoreScope(db, env.apiUrl, { configured: env.merchantId, identity: env.tokenIdentity, client, wsUrl: env.wsUrl });
  } catch (error) {
    if (started.stopping) return;
    await db.close().catch(() => undefined);
    started.release?.();
    if (error instanceof MerchantIdError) fail(error.message);
    fail(`${store}: could not check whose store this is: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (scope.kind === "refused") {
    await db.close().catch(() => undefined);
    started.release?.();
    fail(`${store}: ${scope.reason}; point this recorder at its own store, or the store at its own recorder`);
  }
  if (scope.kind === "claimed") log(`store claimed for merchant ${scope.merchantId} at ${env.apiUrl}`);
  else if (scope.kind === "adopted") log(`store from an older version adopted for merchant ${scope.merchantId} (${scope.trades} trades, all of this merchant)`);
  else log(`store belongs to merchant ${scope.merchantId} at ${env.apiUrl}`);
  if (started.stopping) return;

  started.recorder = await startRecorder({
    db,
    // No `client`: startRecorder builds its own on the one AssetPay budget (ASSETPAY_BUDGET_PER_MINUTE);
    // the one above is only for the store-scope check before the recorder runs.
    apiKey: env.apiKey,
    apiUrl: env.apiUrl,
    wsUrl: env.wsUrl,
    reconcileIntervalMs: env.recorder.reconcileIntervalSeconds * 1000,
    retentionDays: env.recorder.retentionDays,
    auditRetentionDays: env.recorder.auditRetentionDays,
    budgetPerMinute: env.budgetPerMinute,
    onDemandReconcileMs: env.recorder.onDemandReconcileSeconds * 1000,
    log,
    alerts: {
      stallLimits,
      fundingStuckMs: env.alerts.fundingStuckMs,
      webhookUrl: env.alerts.webhookUrl,
      dashboardUrl: env.alerts.dashboardUrl,
      retentionDays: env.alerts.retentionDays,
    },
  });
  // In both storage modes: forwarded callbacks and imports go through this recorder's writer, and the
  // dashboard spends the recorder's AssetPay budget and asks it for reconciles.
  if (!started.stopping) {
    const recorder = started.recorder;
    mkdirSync(dataDir, { recursive: true });
    started.api = await startInternalApi({
      db,
      dataDir,
      snapshotTerminalTrades: env.recorder.snapshotTerminalTrades,
      log,
      writes: { callbacks: recorder.callbacks, backfill: (refs) => recorder.backfill(refs) },
      serveReads: db.kind === "pglite",
      onDemand: recorder.onDemand,
    });
  }
  if (db.kind === "pglite") keepDataDirPrivate(dataDir);
  log(`recording (reconcile every ${env.recorder.reconcileIntervalSeconds} s, keep terminal trades ${env.recorder.retentionDays} days)`);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
