// Raises alerts on the server, so they exist with no browser open: every few seconds it applies the
// alert rules (lib/trades/alert-rules.ts) to what was recorded since its last pass and to every
// in-flight trade and funding, on the database's clock, and writes the outcome idempotently
// (lib/db/alert-raising.ts). One pass at a time; a failed pass is retried by the next one.
import "server-only";
import type { Database } from "@/lib/db/database";
import { applyAlertEvaluations, type SubjectEvaluation } from "@/lib/db/alert-raising";
import { advanceScanWatermark, databaseNow, readScanWatermark, scanFunding, scanTrades } from "@/lib/db/alert-scan";
import { FUNDING_ALERT_KINDS, fundingAlertConditions, fundingSubject, TRADE_ALERT_KINDS, tradeAlertConditions, tradeSubject } from "@/lib/trades/alert-rules";
import type { StallLimits } from "@/lib/trades/stall-rules";
import { parseFundingEvent, parseLedgerTransaction } from "@/lib/wire/parse-funding";
import { parseTrade } from "@/lib/wire/parse-trade";

export const ALERT_PASS_MS = 5_000;
/** A fresh store (no watermark yet) looks back this far, not at a month of finished trades. */
const FIRST_LOOKBACK_MS = 60 * 60_000;
/** Re-read a little before the watermark: a write may commit after the pass that read past it. */
const OVERLAP_MS = 15_000;
const BATCH = 500;

export interface AlertWorkerOptions {
  db: Database;
  stallLimits: StallLimits;
  fundingStuckMs: number;
  /** New alerts are queued for the webhook (ALERT_WEBHOOK_URL set). */
  deliver: boolean;
  log: (line: string) => void;
  onPass?: (outcome: { raised: string[]; cleared: number; at: number }) => void;
  intervalMs?: number;
}

export interface AlertWorker {
  start(): void;
  /** One pass now (tests; the timer calls it too). */
  run(): Promise<void>;
  stop(): Promise<void>;
}

function gameOf(game: string): "cs2" | "rust" | null {
  return game === "cs2" || game === "rust" ? game : null;
}

export async function evaluateRecorded(db: Database, sinceMs: number, nowMs: number, limits: StallLimits, fundingStuckMs: number): Promise<SubjectEvaluation[]> {
  const evaluations: SubjectEvaluation[] = [];
  for (const row of await scanTrades(db, sinceMs)) {
    const parsed = parseTrade(row.payload);
    if (!parsed.ok) continue;
    const trade = parsed.value;
    evaluations.push({
      subject: tradeSubject(row.id),
      tradeId: row.id,
      fundingId: null,
      game: gameOf(trade.game),
      kinds: TRADE_ALERT_KINDS,
      holding: tradeAlertConditions({ trade, enteredStatusAt: row.enteredStatusAt, missing: row.missing }, nowMs, limits),
    });
  }
  for (const row of await scanFunding(db, sinceMs)) {
    const kind = row.kind === "withdrawal" ? "withdrawal" : "deposit";
    const parsed = row.format === "ledger" ? parseLedgerTransaction(row.payload) : parseFundingEvent(kind, { funding: row.payload });
    if (!parsed.ok) continue;
    const funding = parsed.value;
    evaluations.push({
      subject: fundingSubject(funding),
      tradeId: null,
      fundingId: funding.id,
      game: null,
      kinds: FUNDING_ALERT_KINDS,
      holding: fundingAlertConditions(funding, nowMs, fundingStuckMs),
    });
  }
  return evaluations;
}

export function createAlertWorker(options: AlertWorkerOptions): AlertWorker {
  const { db, log } = options;
  let sinceMs: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let failing = false;

  async function pass(): Promise<void> {
    const nowMs = await databaseNow(db);
    sinceMs ??= (await readScanWatermark(db)) ?? nowMs - FIRST_LOOKBACK_MS;
    const evaluations = await evaluateRecorded(db, sinceMs - OVERLAP_MS, nowMs, options.stallLimits, options.fundingStuckMs);
    const raised: string[] = [];
    let cleared = 0;
    for (let i = 0; i < evaluations.length; i += BATCH) {
      const outcome = await applyAlertEvaluations(db, evaluations.slice(i, i + BATCH), { deliver: options.deliver });
      raised.push(...outcome.raised);
      cleared += outcome.cleared;
    }
    await advanceScanWatermark(db, nowMs);
    sinceMs = nowMs;
    if (raised.length > 0) log(`raised ${raised.length} alert(s): ${raised.slice(0, 5).join(", ")}${raised.length > 5 ? ", …" : ""}`);
    options.onPass?.({ raised, cleared, at: nowMs });
  }

  function run(): Promise<void> {
    running ??= pass()
      .then(() => {
        if (failing) log("alert passes work again");
        failing = false;
      })
      .catch((error: unknown) => {
        if (!failing) log(`alert pass failed: ${error instanceof Error ? error.message : String(error)}`);
        failing = true;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void run().finally(schedule);
    }, options.intervalMs ?? ALERT_PASS_MS);
  }

  return {
    start() {
      if (timer || stopped) return;
      schedule();
    },
    run,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
