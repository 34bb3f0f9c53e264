// Posts each new alert once to ALERT_WEBHOOK_URL as JSON `{ text, alert, url }` (`text` is
// Slack-compatible). Its own loop, apart from recording: a slow or dead target costs this loop only
// (5 s per POST at most). Failed posts are retried after 1 s, 5 s, 30 s, 2 min and 10 min, then given
// up and counted. Deliveries are claimed in the store first (lib/db/alert-deliveries.ts), so several
// recorders on one database post each alert once.
import "server-only";
import type { Database } from "@/lib/db/database";
import { claimDueDeliveries, markDelivered, markDeliveryFailed } from "@/lib/db/alert-deliveries";
import { alertBoardUrl, alertText } from "@/lib/trades/alert-text";
import type { Alert } from "@/lib/trades/alert-types";

/** Waits after the 1st, 2nd, … failed attempt; after the last one the alert is given up. */
export const RETRY_SCHEDULE_MS: readonly number[] = [1_000, 5_000, 30_000, 120_000, 600_000];
export const POST_TIMEOUT_MS = 5_000;
/** Longer than a POST may take, so a claim never lapses while its sender still waits. */
const LEASE_MS = 30_000;
const POLL_MS = 1_000;
const CLAIM_BATCH = 20;

/** How long to wait before the next attempt after `attempt` failed; null: give up. */
export function retryDelayMs(attempt: number): number | null {
  return RETRY_SCHEDULE_MS[attempt - 1] ?? null;
}

export interface WebhookStats {
  delivered: number;
  /** Failed attempts (each retry that fails counts). */
  failed: number;
  /** Alerts given up after the last retry. */
  gaveUp: number;
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
  const stats: WebhookStats = { delivered: 0, failed: 0, gaveUp: 0, lastError: null, lastErrorAt: null };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  async function post(alert: Alert): Promise<string | null> {
    try {
      const response = await send(options.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(webhookBody(alert, options.dashboardUrl)),
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      });
      await response.body?.cancel().catch(() => undefined);
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return error instanceof Error ? (error.name === "TimeoutError" ? `no answer within ${POST_TIMEOUT_MS / 1000} s` : error.message) : String(error);
    }
  }

  async function once(): Promise<void> {
    const claimed = await claimDueDeliveries(db, CLAIM_BATCH, LEASE_MS);
    await Promise.all(
      claimed.map(async ({ alert, attempt }) => {
        const problem = await post(alert);
        if (problem === null) {
          stats.delivered += 1;
          await markDelivered(db, alert.id);
          return;
        }
        const retryIn = retryDelayMs(attempt);
        stats.failed += 1;
        stats.lastError = problem;
        stats.lastErrorAt = new Date().toISOString();
        if (retryIn === null) {
          stats.gaveUp += 1;
          log(`alert webhook: gave up on ${alert.id} after ${attempt} attempts: ${problem}`);
        }
        await markDeliveryFailed(db, alert.id, problem, retryIn);
      }),
    );
    if (claimed.length > 0) options.onStats?.({ ...stats });
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
