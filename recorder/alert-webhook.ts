// Posts each new alert at most once to ALERT_WEBHOOK_URL as JSON `{ text, alert, url }` (`text` is
// Slack-compatible), with an `Idempotency-Key` header (the alert id) on every attempt. Its own loop,
// apart from recording: a slow or dead target costs this loop only (5 s per POST at most). Attempts
// known not to have reached the target (refused, an error answer) are retried after 1 s, 5 s, 30 s,
// 2 min and 10 min, then given up; an attempt whose outcome is unknown is never repeated, only counted
// (the state machine: lib/db/alert-deliveries.ts; the outcomes: ./webhook-post.ts).
import "server-only";
import type { Database } from "@/lib/db/database";
import { claimDueDeliveries, markDelivered, markDeliveryFailed, markDeliveryUnknown, settleAbandonedAttempts } from "@/lib/db/alert-deliveries";
import { alertBoardUrl, alertText } from "@/lib/trades/alert-text";
import type { Alert } from "@/lib/trades/alert-types";
import { postOnce } from "./webhook-post";

/** Waits after the 1st, 2nd, … failed attempt; after the last one the alert is given up. */
export const RETRY_SCHEDULE_MS: readonly number[] = [1_000, 5_000, 30_000, 120_000, 600_000];
/**
 * How long a started attempt may go without a recorded outcome before it counts as unknown: longer
 * than a POST may take, so only a sender that died or lost the database runs past it.
 */
const OUTCOME_WITHIN_MS = 30_000;
const POLL_MS = 1_000;
const CLAIM_BATCH = 20;

/** How long to wait before the next attempt after `attempt` failed; null: give up. */
export function retryDelayMs(attempt: number): number | null {
  return RETRY_SCHEDULE_MS[attempt - 1] ?? null;
}

export interface WebhookStats {
  delivered: number;
  /** Failed attempts known not to have reached the target (each retry that fails counts). */
  failed: number;
  /** Alerts given up after the last retry. */
  gaveUp: number;
  /** Attempts whose outcome is unknown (no answer, dropped mid-request, a recorder died mid-post): not repeated. */
  unknown: number;
  lastError: string | null;
  lastErrorAt: string | null;
}

export interface AlertWebhookOptions {
  db: Database;
  url: string;
  dashboardUrl: string;
  log: (line: string) => void;
  onStats?: (stats: WebhookStats) => void;
  fetch?: typeof fetch;
  pollMs?: number;
}

export interface AlertWebhook {
  start(): void;
  /** Claims and posts what is due now (tests; the loop calls it too). */
  run(): Promise<void>;
  stats(): WebhookStats;
  stop(): Promise<void>;
}

export function webhookBody(alert: Alert, dashboardUrl: string): { text: string; alert: Alert; url: string } {
  const url = alertBoardUrl(alert, dashboardUrl);
  return { text: alertText(alert, url), alert, url };
}

export function createAlertWebhook(options: AlertWebhookOptions): AlertWebhook {
  const { db, log } = options;
  const send = options.fetch ?? fetch;
  const stats: WebhookStats = { delivered: 0, failed: 0, gaveUp: 0, unknown: 0, lastError: null, lastErrorAt: null };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const problemSeen = (problem: string) => {
    stats.lastError = problem;
    stats.lastErrorAt = new Date().toISOString();
  };

  async function attemptDelivery({ alert, attempt }: { alert: Alert; attempt: number }): Promise<void> {
    const result = await postOnce(send, options.url, alert.id, webhookBody(alert, options.dashboardUrl));
    if (result.outcome === "delivered") {
      stats.delivered += 1;
      await markDelivered(db, alert.id);
      return;
    }
    problemSeen(result.problem);
    if (result.outcome === "unknown") {
      stats.unknown += 1;
      log(`alert webhook: outcome of ${alert.id} unknown (${result.problem}); not posting it again`);
      await markDeliveryUnknown(db, alert.id, result.problem);
      return;
    }
    const retryIn = retryDelayMs(attempt);
    stats.failed += 1;
    if (retryIn === null) {
      stats.gaveUp += 1;
      log(`alert webhook: gave up on ${alert.id} after ${attempt} attempts: ${result.problem}`);
    }
    await markDeliveryFailed(db, alert.id, result.problem, retryIn);
  }

  async function once(): Promise<void> {
    const abandoned = await settleAbandonedAttempts(db);
    if (abandoned.length > 0) {
      stats.unknown += abandoned.length;
      problemSeen("an attempt started but its outcome was never recorded");
      log(`alert webhook: ${abandoned.length} attempt(s) started but never finished (${abandoned.slice(0, 3).join(", ")}); not posting them again`);
    }
    const claimed = await claimDueDeliveries(db, CLAIM_BATCH, OUTCOME_WITHIN_MS);
    await Promise.all(claimed.map(attemptDelivery));
    if (claimed.length > 0 || abandoned.length > 0) options.onStats?.({ ...stats });
  }

  function run(): Promise<void> {
    running ??= once()
      .catch((error: unknown) => log(`alert webhook: could not read the queue: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
      });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => void run().finally(schedule), options.pollMs ?? POLL_MS);
  }

  return {
    start() {
      if (!timer && !stopped) schedule();
    },
    run,
    stats: () => ({ ...stats }),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
