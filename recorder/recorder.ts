// The recorder, assembled: one API-key socket to AssetPay whose events are written to the database,
// reconciliation of in-flight trades every interval and after each (re)connect, hourly pruning, and a
// health row. Storage-agnostic (it gets a migrated Database); main.ts decides which one and how the app
// reaches it. Tests start it in-process against the simulator.
import "server-only";
import { databaseBudgetStore } from "@/lib/assetpay/budget-store-db";
import { bucketConfig, RateBudget, type BudgetStore } from "@/lib/assetpay/rate-budget";
import { createAssetPayClient, type AssetPayClient } from "@/lib/assetpay/rest-client";
import { DEFAULT_ALERT_RETENTION_DAYS } from "@/lib/env/alerts";
import { DEFAULT_BUDGET_PER_MINUTE } from "@/lib/env/assetpay";
import { DEFAULT_AUDIT_RETENTION_DAYS, DEFAULT_ON_DEMAND_RECONCILE_SECONDS } from "@/lib/env/recorder";
import type { Database } from "@/lib/db/database";
import type { BackfillSummary } from "@/lib/recorded/backfill-summary";
import type { ReconcileReport } from "@/lib/recorded/types";
import { backfillTrades } from "./backfill";
import { createCallbackIntake, type CallbackIntake } from "./callback-intake";
import type { StallLimits } from "@/lib/trades/stall-rules";
import { createAlertWebhook } from "./alert-webhook";
import { createAlertWorker } from "./alert-worker";
import { createEventWriter, type EventWriter } from "./event-writer";
import { createHealthTracker, type HealthTracker } from "./health";
import type { OnDemand } from "./on-demand-api";
import { createPruner } from "./pruner";
import { createReconciler, type ReconcileReason, type Reconciler } from "./reconciler";
import { connectRecorderSocket, type RecorderSocket, type SocketFactory } from "./socket";

export interface RecorderOptions {
  db: Database;
  apiKey: string;
  apiUrl: string;
  /** Socket.IO origin (ASSETPAY_WS_URL, default the API URL). */
  wsUrl: string;
  reconcileIntervalMs: number;
  retentionDays: number;
  /** Default DEFAULT_AUDIT_RETENTION_DAYS (AUDIT_RETENTION_DAYS's default). */
  auditRetentionDays?: number;
  log: (line: string) => void;
  /** AssetPay REST requests per minute for everything sharing this database (default 60). */
  budgetPerMinute?: number;
  /** Browsers' resyncs cause at most one extra reconcile per this long (default 10 s). */
  onDemandReconcileMs?: number;
  /** Default: the bucket in the database, shared by every process on it. */
  budgetStore?: BudgetStore;
  client?: AssetPayClient;
  socketFactory?: SocketFactory;
  /** Alerts: the stall limits (the board's), the funding limit, the webhook with its links' base URL, and how long they are kept. */
  alerts?: { stallLimits: StallLimits; fundingStuckMs: number; webhookUrl: string | null; dashboardUrl: string; passMs?: number; retentionDays?: number };
}

export interface RunningRecorder {
  health: HealthTracker;
  writer: EventWriter;
  reconcile(reason: ReconcileReason): Promise<ReconcileReport>;
  /** Forwarded AssetPay callbacks, recorded through the same writer as socket events. */
  callbacks: CallbackIntake;
  /** Looks up trade refs (ids or externalIds) the recorder may never have seen and records them. */
  backfill(refs: readonly string[]): Promise<BackfillSummary>;
  /** What the dashboard asks of its recorder: the budget and coalesced reconciles (./on-demand-api). */
  onDemand: OnDemand;
  /** Stops the socket and timers, finishes queued writes and the running reconcile, removes the health row. */
  stop(): Promise<void>;
}

export async function startRecorder(options: RecorderOptions): Promise<RunningRecorder> {
  const { db, log } = options;
  const budgetStore = options.budgetStore ?? databaseBudgetStore(db, bucketConfig(options.budgetPerMinute ?? DEFAULT_BUDGET_PER_MINUTE));
  // A reconcile that would wait longer for the budget gives up and is retried by the next run, so a
  // stop never waits behind a long Retry-After.
  const client =
    options.client ??
    createAssetPayClient({ baseUrl: options.apiUrl, apiKey: options.apiKey, budget: new RateBudget(budgetStore), maxBudgetWaitMs: 5_000 });
  const onDemandReconcileMs = options.onDemandReconcileMs ?? DEFAULT_ON_DEMAND_RECONCILE_SECONDS * 1000;
  const health = createHealthTracker(db, log);

  const writer = createEventWriter({
    db,
    log,
    onStats: (stats) =>
      health.update({
        eventsRecorded: stats.recorded,
        malformedIgnored: stats.malformed,
        lastMalformedReasons: stats.lastMalformedReasons,
        unknownStatusEvents: stats.unknownStatuses,
        lastUnknownStatuses: stats.lastUnknownStatuses,
        lastEventAt: stats.lastEventAt === null ? null : new Date(stats.lastEventAt).toISOString(),
        lastEventLagMs: stats.lastEventLagMs,
      }),
    onWriteError: (message) => health.update({ lastError: message }),
  });

  const reconciler: Reconciler = createReconciler({
    db,
    client,
    intervalMs: options.reconcileIntervalMs,
    log,
    onReport: (report) => {
      const previous = health.state().lastError;
      const lastError = report.errors[0] ? `reconcile: ${report.errors[0]}` : previous?.startsWith("reconcile:") ? null : previous;
      health.update({ lastReconcile: report, lastError });
      void health.flush();
    },
  });

  const pruner = createPruner({
    db,
    retentionDays: options.retentionDays,
    auditRetentionDays: options.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS,
    alertRetentionDays: options.alerts?.retentionDays ?? DEFAULT_ALERT_RETENTION_DAYS,
    log,
    onResult: (result, at) => health.update({ lastPrune: { at: new Date(at).toISOString(), ...result } }),
  });

  let lastDisconnect = "";
  const socket: RecorderSocket = connectRecorderSocket(
    options.wsUrl,
    options.apiKey,
    {
      onEvent: (event, payload, receivedAt) => writer.push(event, payload, receivedAt),
      onConnected: (reconnect) => {
        lastDisconnect = "";
        const state = health.state();
        health.update({
          connected: true,
          connectedSince: new Date().toISOString(),
          reconnects: state.reconnects + (reconnect ? 1 : 0),
          // A socket problem is over once connected again; other problems stay until replaced.
          lastError: state.lastError?.startsWith("socket:") ? null : state.lastError,
        });
        log(`${reconnect ? "reconnected" : "connected"} to AssetPay socket at ${options.wsUrl}`);
        void health.flush();
        // Whatever changed while we were not listening is only visible through REST.
        void reconciler.run("connected");
      },
      onDisconnected: (reason) => {
        const wasConnected = health.state().connected;
        health.update({ connected: false, connectedSince: null, lastError: `socket: ${reason}` });
        // Socket.IO retries every few seconds while AssetPay is unreachable: log each distinct reason once.
        if (wasConnected || reason !== lastDisconnect) log(`AssetPay socket ${wasConnected ? "lost" : "down"}: ${reason}`);
        lastDisconnect = reason;
        void health.flush();
      },
    },
    options.socketFactory,
  );

  // Alerts are raised here, beside the recording, on their own timer; the webhook has its own loop so a
  // slow target never holds up raising or recording.
  const alertWorker = options.alerts
    ? createAlertWorker({
        db,
        log,
        stallLimits: options.alerts.stallLimits,
        fundingStuckMs: options.alerts.fundingStuckMs,
        deliver: options.alerts.webhookUrl !== null,
        ...(options.alerts.passMs === undefined ? {} : { intervalMs: options.alerts.passMs }),
      })
    : null;
  const webhook =
    options.alerts?.webhookUrl
      ? createAlertWebhook({
          db,
          log,
          url: options.alerts.webhookUrl,
          dashboardUrl: options.alerts.dashboardUrl,
          onStats: (stats) => health.update({ alertWebhook: stats }),
        })
      : null;
  if (webhook) health.update({ alertWebhook: webhook.stats() });

  health.start();
  reconciler.start();
  alertWorker?.start();
  webhook?.start();
  pruner.start();
  void pruner.run();
  void health.flush();

  const callbacks = createCallbackIntake({ db, writer, log });
  async function backfill(refs: readonly string[]): Promise<BackfillSummary> {
    const summary = await backfillTrades(refs, { db, client });
    log(
      `import of ${summary.requested} refs: ${summary.found} found (${summary.new} new, ${summary.updated} updated), ` +
        `${summary.notFound} not found${summary.failed > 0 ? `, ${summary.failed} failed: ${summary.errors[0] ?? ""}` : ""}`,
    );
    return summary;
  }

  let stopping: Promise<void> | null = null;
  return {
    health,
    writer,
    reconcile: (reason) => reconciler.run(reason),
    callbacks,
    backfill,
    onDemand: { budget: budgetStore, reconcile: () => reconciler.requestFresh(onDemandReconcileMs) },
    stop() {
      stopping ??= (async () => {
        socket.stop();
        reconciler.stop();
        pruner.stop();
        await alertWorker?.stop();
        await webhook?.stop();
        await writer.drain();
        await reconciler.idle();
        await pruner.idle();
        await health.stop();
      })();
      return stopping;
    },
  };
}
