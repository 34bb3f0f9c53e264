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
import { type TradeVersion, confirmTrades, markTradesMissing, recordTrades } from "@/lib/db/trade-writes";
import type { ReconcileReport } from "@/lib/recorded/types";
import { parseLedgerTransaction } from "@/lib/wire/parse-funding";
import { parseTrade } from "@/lib/wire/parse-trade";
import { confirmMissingTrades, type MissingConfirmation } from "./missing-trades";

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
  /** Injectable for tests: how a fresh request waits out the interval since the last run started. */
  sleep?: (ms: number) => Promise<void>;
  confirmMissing?: (refs: readonly string[], client: AssetPayClient) => Promise<MissingConfirmation>;
}

/** The `id` of a returned payload, parsed or not: a malformed answer still shows AssetPay knows the ref. */
function idOf(payload: unknown): string | null {
  return typeof payload === "object" && payload !== null && "id" in payload && typeof payload.id === "string" ? payload.id : null;
}

export interface Reconciler {
  start(): void;
  stop(): void;
  /** Runs now (or right after the current run) and resolves with that run's report. */
  run(reason: ReconcileReason): Promise<ReconcileReport>;
  /**
   * A browser wants fresher data: resolves with the report of a run that STARTED after this request,
   * so it saw every change made before the request. Requests join the run that is waiting to start;
   * a new one starts no sooner than `minIntervalMs` after the previous start, so any number of tabs
   * cause at most one on-demand run per interval.
   */
  requestFresh(minIntervalMs: number): Promise<ReconcileReport>;
  /** Resolves when no run is going or waiting. */
  idle(): Promise<void>;
}

export function createReconciler(options: ReconcilerOptions): Reconciler {
  const resync = options.resync ?? resyncFromAssetPay;
  const clock = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const confirmMissing = options.confirmMissing ?? confirmMissingTrades;
  let timer: ReturnType<typeof setInterval> | null = null;
  /** When the latest run started (it may still be going): on-demand runs keep their interval from it. */
  let lastStartedAt: number | null = null;

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
      notFound: 0,
      funding: 0,
      requests: 0,
      rateLimited: 0,
      errors: [],
    };
    try {
      const ids = await listInFlightTradeIds(options.db);
      report.checked = ids.length;
      const answer = await resync(ids, options.client);
      // Refs the batch answer left out: asked one by one (only when every batch answered, else a failed
      // batch's refs would look dropped). Only a 404 TRADE_NOT_FOUND marks a trade missing.
      const returned = new Set(answer.trades.map(idOf));
      const dropped = answer.errors.length === 0 ? ids.filter((id) => !returned.has(id)) : [];
      const confirmation = dropped.length > 0 ? await confirmMissing(dropped, options.client) : null;
      const trades: TradeVersion[] = [];
      for (const payload of [...answer.trades, ...(confirmation?.found ?? [])]) {
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
      if (confirmation) {
        report.notFound = await markTradesMissing(options.db, confirmation.notFound, now);
        report.requests += confirmation.requests;
        report.rateLimited += confirmation.rateLimited;
        report.errors.push(...confirmation.errors);
      }
      report.returned = trades.length;
      report.changed = tradeCounts.inserted + tradeCounts.updated;
      report.missing = answer.missing;
      report.funding = fundingCounts.inserted + fundingCounts.updated;
      report.requests += answer.requests;
      report.rateLimited += answer.rateLimited;
      report.errors.push(...answer.errors, ...tradeCounts.refused, ...fundingCounts.refused);
    } catch (error) {
      report.errors.push(error instanceof Error ? error.message : String(error));
    }
    report.errors = report.errors.slice(0, 10).map((message) => message.slice(0, 300));
    report.durationMs = Date.now() - started;
    // A routine minute with nothing to repair is not worth a line; the health summary counts it.
    const notable = reason !== "interval" || report.changed > 0 || report.missing > 0 || report.notFound > 0 || report.errors.length > 0;
    if (notable) {
      options.log(
        `reconcile (${reason}): ${report.checked} in flight checked, ${report.returned} returned, ${report.changed} changed, ` +
          `${report.missing} not returned, ${report.notFound} not found at AssetPay (marked missing), ${report.requests} requests, ${report.rateLimited} rate-limited, ${report.durationMs} ms` +
          (report.errors.length > 0 ? `; ${report.errors.length} problem(s), first: ${report.errors[0]}` : ""),
      );
    }
    options.onReport(report);
    return report;
  }

  // Runs chain one after another; `pending` is the one run waiting to start, which later requests join.
  let chain: Promise<unknown> = Promise.resolve();
  let pending: { wanted: { reason: ReconcileReason }; promise: Promise<ReconcileReport> } | null = null;

  /** `notBefore`: our clock's time before which the run may not start (an on-demand run's interval). */
  function run(reason: ReconcileReason, notBefore = 0): Promise<ReconcileReport> {
    if (pending) {
      pending.wanted.reason = reason;
      return pending.promise;
    }
    const wanted = { reason };
    const promise: Promise<ReconcileReport> = chain.then(async () => {
      const wait = notBefore - clock();
      if (wait > 0) await sleep(wait);
      if (pending?.promise === promise) pending = null;
      lastStartedAt = clock();
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
      // A run already waiting to start starts after this request: join it. A run that has started may
      // have read AssetPay before the change the browser is after: never hand that one back.
      if (pending) return pending.promise;
      return run("manual", lastStartedAt === null ? 0 : lastStartedAt + minIntervalMs);
    },
    idle: async () => {
      while (pending) await pending.promise.catch(() => undefined);
      await chain;
    },
  };
}
