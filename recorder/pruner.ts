// Retention: the recorder keeps the database bounded by deleting terminal trades (and their history)
// and terminal funding older than RECORDER_RETENTION_DAYS, plus in-flight trades AssetPay has not
// confirmed for that long, acknowledged or cleared alerts older than ALERT_RETENTION_DAYS (never open
// ones, never notes or assignees), and audit log rows older than AUDIT_RETENTION_DAYS (the one DELETE
// the audit log lets through, lib/db/audit-log.ts). Runs at start and hourly; with several recorders
// on one database each prunes, which is harmless (deletes are idempotent and batched).
import "server-only";
import { pruneAuditLog } from "@/lib/db/audit-log";
import type { Database } from "@/lib/db/database";
import { pruneAlerts } from "@/lib/db/alert-pruning";
import { pruneDeliveries } from "@/lib/db/callback-deliveries";
import { pruneHealth } from "@/lib/db/health-repository";
import { type PruneResult, pruneRecorded } from "@/lib/db/retention";

const PRUNE_EVERY_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

export interface Pruner {
  start(): void;
  stop(): void;
  run(): Promise<PruneResult | null>;
  /** Resolves when no prune is running. */
  idle(): Promise<void>;
}

export function createPruner(options: {
  db: Database;
  retentionDays: number;
  auditRetentionDays: number;
  /** ALERT_RETENTION_DAYS. */
  alertRetentionDays: number;
  log: (line: string) => void;
  onResult: (result: PruneResult, at: number) => void;
}): Pruner {
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<PruneResult | null> | null = null;

  async function once(): Promise<PruneResult | null> {
    const now = Date.now();
    try {
      const result = await pruneRecorded(options.db, now - options.retentionDays * DAY_MS);
      await pruneHealth(options.db, now - DAY_MS);
      await pruneDeliveries(options.db, now - options.retentionDays * DAY_MS);
      const audit = await pruneAuditLog(options.db, now - options.auditRetentionDays * DAY_MS);
      if (audit > 0) options.log(`pruned ${audit} audit log rows older than ${options.auditRetentionDays} days`);
      const alerts = await pruneAlerts(options.db, now - options.alertRetentionDays * DAY_MS);
      if (result.trades > 0 || result.funding > 0) {
        options.log(`pruned ${result.trades} trades and ${result.funding} funding rows older than ${options.retentionDays} days`);
      }
      if (alerts > 0) options.log(`pruned ${alerts} acknowledged or cleared alerts older than ${options.alertRetentionDays} days`);
      options.onResult(result, now);
      return result;
    } catch (error) {
      options.log(`prune failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  const run = () => {
    running ??= once().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    start() {
      timer ??= setInterval(() => void run(), PRUNE_EVERY_MS);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    run,
    idle: async () => {
      await running;
    },
  };
}
