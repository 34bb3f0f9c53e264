// Reconciliation: AssetPay's socket is best-effort and replays nothing, so every minute and after every
// (re)connect the recorder re-reads all trades it holds as in flight through REST and records whatever
// is newer. The REST side is lib/assetpay/resync (batches of 100 refs, a few at a time, waiting out
// RATE_LIMITED answers and Retry-After); this module only decides when, parses, and records.
// One run at a time: a request during a run queues exactly one more. Browsers' requests for fresher
// data are coalesced: whatever the number of tabs, at most one extra run per short interval.
import "server-only";
import { resyncFromAssetPay, type ResyncPayload } from "@/lib/assetpay/resync";
import type { AssetPayClient } from "@/lib/assetpay/rest-client";
import type { Database } from "@/lib/db/database";
import { type FundingVersion, recordFunding } from "@/lib/db/funding-writes";
import { listInFlightTradeIds } from "@/lib/db/trade-reads";
import { type TradeVersion, confirmTrades, recordTrades } from "@/lib/db/trade-writes";
import type { ReconcileReport } from "@/lib/recorded/types";
import { parseLedgerTransaction } from "@/lib/wire/parse-funding";
import { parseTrade } from "@/lib/wire/parse-trade";

export type ReconcileReason = ReconcileReport["reason"];

export interface ReconcilerOptions {
  db: Database;
  client: AssetPayClient;
  intervalMs: number;
  log: (line: string) => void;
  onReport: (report: ReconcileReport) => void;
  /** Injectable for tests. */
  resync?: (ids: readonly string[], client: AssetPayClient) => Promise<ResyncPayload>;
  now?: () => number;
}

export interface Reconciler {
  start(): void;
  stop(): void;
  /** Runs now (or right after the current run) and resolves with that run's report. */
  run(reason: ReconcileReason): Promise<ReconcileReport>;
  /**
   * A browser wants fresher data: joins the run that is waiting or going, or the one that started less
   * than `minIntervalMs` ago; only otherwise starts one ("manual"). Resolves with that run's report.
   */
  requestFresh(minIntervalMs: number): Promise<ReconcileReport>;
  /** Resolves when no run is going or waiting. */
  idle(): Promise<void>;
}

export function createReconciler(options: ReconcilerOptions): Reconciler {
  const resync = options.resync ?? resyncFromAssetPay;
  const clock = options.now ?? Date.now;
  let timer: ReturnType<typeof setInterval> | null = null;
  /** The latest run that started (it may still be going), and when. */
  let latest: { startedAt: number; promise: Promise<ReconcileReport> } | null = null;

  async function once(reason: ReconcileReason): Promise<ReconcileReport> {
    const started = clock();
    const report: ReconcileReport = {
      reason,
      startedAt: new Date(started).toISOString(),
      durationMs: 0,
      checked: 0,
      returned: 0,
      changed: 0,
      missing: 0,
      funding: 0,
      requests: 0,
      rateLimited: 0,
      errors: [],
    };
    try {
      const ids = await listInFlightTradeIds(options.db);
      report.checked = ids.length;
      const answer = await resync(ids, options.client);
      const trades: TradeVersion[] = [];
      for (const payload of answer.trades) {
        const parsed = parseTrade(payload);
        if (parsed.ok) trades.push({ trade: parsed.value, payload });
        else report.errors.push(`malformed trade from REST ignored: ${parsed.reason}`);
      }
      const funding: FundingVersion[] = [];
      for (const payload of answer.funding) {
        const parsed = parseLedgerTransaction(payload);
        if (parsed.ok) funding.push({ funding: parsed.value, format: "ledger", payload });
        else if (!parsed.unsupported) report.errors.push(`malformed ledger row ignored: ${parsed.reason}`);
      }
      const now = Date.now();
      const tradeCounts = await recordTrades(options.db, trades, now);
      const fundingCounts = await recordFunding(options.db, funding, now);
      await confirmTrades(options.db, trades.map((version) => version.trade.id), now);
      report.returned = trades.length;
      report.changed = tradeCounts.inserted + tradeCounts.updated;
      report.missing = answer.missing;
      report.funding = fundingCounts.inserted + fundingCounts.updated;
      report.requests = answer.requests;
      report.rateLimited = answer.rateLimited;
      report.errors.push(...answer.errors, ...tradeCounts.refused, ...fundingCounts.refused);
    } catch (error) {
      report.errors.push(error instanceof Error ? error.message : String(error));
    }
    report.errors = report.errors.slice(0, 10).map((message) => message.slice(0, 300));
    report.durationMs = Date.now() - started;
    // A routine minute with nothing to repair is not worth a line; the health summary counts it.
    const notable = reason !== "interval" || report.changed > 0 || report.missing > 0 || report.errors.length > 0;
    if (notable) {
      options.log(
        `reconcile (${reason}): ${report.checked} in flight checked, ${report.returned} returned, ${report.changed} changed, ` +
          `${report.missing} missing, ${report.requests} requests, ${report.rateLimited} rate-limited, ${report.durationMs} ms` +
          (report.errors.length > 0 ? `; ${report.errors.length} problem(s), first: ${report.errors[0]}` : ""),
      );
    }
    options.onReport(report);
    return report;
  }

  // Runs chain one after another; `pending` is the one run waiting to start, which later requests join.
  let chain: Promise<unknown> = Promise.resolve();
  let pending: { wanted: { reason: ReconcileReason }; promise: Promise<ReconcileReport> } | null = null;

  function run(reason: ReconcileReason): Promise<ReconcileReport> {
    if (pending) {
      pending.wanted.reason = reason;
      return pending.promise;
    }
    const wanted = { reason };
    const promise: Promise<ReconcileReport> = chain.then(() => {
      if (pending?.promise === promise) pending = null;
      latest = { startedAt: clock(), promise };
      return once(wanted.reason);
    });
    pending = { wanted, promise };
    chain = promise.catch(() => undefined);
    return promise;
  }

  return {
    start() {
      timer ??= setInterval(() => void run("interval"), options.intervalMs);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    run,
    requestFresh(minIntervalMs) {
      if (pending) return pending.promise;
      if (latest && clock() - latest.startedAt < minIntervalMs) return latest.promise;
      return run("manual");
    },
    idle: async () => {
      while (pending) await pending.promise.catch(() => undefined);
      await chain;
    },
  };
}
