// The simulator's ground truth: every trade and funding record, the wallet they imply, the schedule of
// their next steps, and the listeners each change is emitted to (unless emission is paused). Records
// move only through their lifecycle (lifecycle.ts, funding.ts). When new trades arrive is the
// engine's business (engine.ts), and nothing here knows about HTTP or sockets.

import { applyFundingStep, planNextFundingStep, type FundingStep } from "./funding";
import { applyStep, planNextStep, type Step } from "./lifecycle";
import { createCast, type Cast } from "./people";
import { deriveSeed, hashSeed, Rng } from "./prng";
import { Scheduler } from "./scheduler";
import { RecordStore, type StoredRecord } from "./store";
import type { Clock } from "./time";
import type { TradeContext } from "./trade-factory";
import { addFundingEffect, addTradeEffect, emptyTotals, rounded, STARTING_BALANCE_USD, type WalletTotals } from "./wallet";
import {
  TERMINAL_FUNDING_STATUSES,
  TERMINAL_TRADE_STATUSES,
  type Funding,
  type FundingKind,
  type RawEmission,
  type SimEvent,
  type Trade,
  type TradeItem,
  type TradeStatus,
} from "./wire";

export interface TradeRecord extends StoredRecord<Trade> {
  rng: Rng;
  next?: Step;
  /** The trade never leaves this status (a deliberately stuck trade). */
  stallAt?: TradeStatus;
  /** Withdrawals only, until sourcing replaces the id/price stubs with these. */
  fullItems: TradeItem[] | undefined;
}

export interface FundingRecord extends StoredRecord<Funding> {
  kind: FundingKind;
  rng: Rng;
  next?: FundingStep;
}

export type EmissionListener = (emission: RawEmission) => void;

/** Independent random streams, so e.g. control-API trades never shift generated ones. */
const STREAM = { trade: 2, controlTrade: 3, funding: 4, controlFunding: 5 } as const;
export type RandomStream = keyof typeof STREAM;

/** Fundings are few; keep at most this many terminal ones. */
const MAX_TERMINAL_FUNDINGS = 20_000;

export interface GroundTruthOptions {
  merchantId: string;
  seed: string;
  speed: number;
  clock: Clock;
  maxTerminalTrades: number;
}

export class GroundTruth {
  readonly merchantId: string;
  readonly seed: string;
  readonly speed: number;
  readonly clock: Clock;
  readonly tradeCtx: TradeContext;
  readonly trades: RecordStore<Trade, TradeRecord>;
  readonly fundings: RecordStore<Funding, FundingRecord>;
  emitted = 0;
  suppressed = 0;
  /** While paused the world keeps moving but nothing is emitted; resuming does not replay the gap. */
  paused = false;

  private readonly root: number;
  private readonly cast: Cast;
  private readonly byExternalId = new Map<string, string>();
  private readonly scheduler = new Scheduler();
  private readonly wallet: WalletTotals = emptyTotals();
  private readonly listeners = new Set<EmissionListener>();
  private externalSeq = 0;

  constructor(options: GroundTruthOptions) {
    this.merchantId = options.merchantId;
    this.seed = options.seed;
    this.speed = options.speed;
    this.clock = options.clock;
    this.root = hashSeed(options.seed);
    this.cast = createCast(this.root);
    this.tradeCtx = { merchantId: this.merchantId, cast: this.cast, speed: this.speed };
    this.trades = new RecordStore<Trade, TradeRecord>(
      (t) => TERMINAL_TRADE_STATUSES.has(t.status),
      Math.max(1, options.maxTerminalTrades),
      (record) => {
        if (record.current.externalId) this.byExternalId.delete(record.current.externalId);
      },
    );
    this.fundings = new RecordStore<Funding, FundingRecord>(
      (f) => TERMINAL_FUNDING_STATUSES.has(f.status),
      MAX_TERMINAL_FUNDINGS,
    );
  }

  /** The index-th random stream of a kind, the same for the same seed on every run. */
  rng(stream: RandomStream, index: number): Rng {
    return new Rng(deriveSeed(this.root, STREAM[stream], index));
  }

  // ---- emission --------------------------------------------------------------------------------

  onEmission(listener: EmissionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hands the event to every listener; false when emission is paused (it is counted, not sent). */
  emit(emission: SimEvent | RawEmission): boolean {
    if (this.paused) {
      this.suppressed++;
      return false;
    }
    this.emitted++;
    for (const listener of this.listeners) listener(emission);
    return true;
  }

  // ---- reads -----------------------------------------------------------------------------------

  /** By AssetPay id or merchant externalId (`GET /secure/trades/{ref}`, docs/assetpay-api.md). */
  findTrade(ref: string): Trade | undefined {
    const byId = this.trades.get(ref);
    if (byId) return byId.current;
    const id = this.byExternalId.get(ref);
    return id === undefined ? undefined : this.trades.get(id)?.current;
  }

  hasExternalId(externalId: string): boolean {
    return this.byExternalId.has(externalId);
  }

  /** In flight with nothing planned: it will never advance on its own. */
  isStalled(id: string): boolean {
    const record = this.trades.get(id);
    return !!record && !record.next && !TERMINAL_TRADE_STATUSES.has(record.current.status);
  }

  walletBalance(): { balance: number; pendingBalance: number; escrowBalance: number; currency: "USD" } {
    const totals = rounded({ ...this.wallet, balance: this.wallet.balance + STARTING_BALANCE_USD });
    return { ...totals, currency: "USD" };
  }

  /** Steps waiting in the schedule. */
  get scheduled(): number {
    return this.scheduler.size;
  }

  // ---- changes ---------------------------------------------------------------------------------

  nextExternalId(): string {
    return `ord_${100_000 + ++this.externalSeq}`;
  }

  addTrade(trade: Trade, fullItems: TradeItem[], rng: Rng): TradeRecord {
    const record: TradeRecord = { current: trade, rng, generation: 0, fullItems: trade.type === "withdraw" ? fullItems : undefined };
    this.trades.add(record);
    if (trade.externalId) this.byExternalId.set(trade.externalId, trade.id);
    addTradeEffect(this.wallet, trade);
    return record;
  }

  addFunding(funding: Funding, kind: FundingKind, rng: Rng): FundingRecord {
    const record: FundingRecord = { current: funding, kind, rng, generation: 0 };
    this.fundings.add(record);
    addFundingEffect(this.wallet, funding, kind);
    return record;
  }

  /**
   * Forgets a trade (by id or externalId) as AssetPay does when it no longer knows one: REST then
   * answers TRADE_NOT_FOUND for it and its scheduled steps never fire. Nothing is emitted.
   */
  forgetTrade(ref: string): Trade | undefined {
    const trade = this.findTrade(ref);
    if (!trade) return undefined;
    const record = this.trades.remove(trade.id);
    if (record) record.generation++;
    if (trade.externalId) this.byExternalId.delete(trade.externalId);
    addTradeEffect(this.wallet, trade, -1);
    return trade;
  }

  /** Applies every step already due, then schedules the next one (unless the trade stalls here). */
  advance(record: TradeRecord, now: number, emit: boolean): void {
    for (;;) {
      if (record.stallAt === record.current.status) return;
      const step = planNextStep(record.current, record.rng, this.speed);
      if (!step) return;
      if (step.atMs > now) {
        record.next = step;
        this.scheduler.push({ dueMs: step.atMs, id: record.current.id, kind: "trade", generation: record.generation });
        return;
      }
      this.applyTrade(record, step, emit);
    }
  }

  advanceFunding(record: FundingRecord, now: number, emit: boolean): void {
    for (;;) {
      const step = planNextFundingStep(record.current, record.kind, record.rng, this.speed);
      if (!step) return;
      if (step.atMs > now) {
        record.next = step;
        this.scheduler.push({ dueMs: step.atMs, id: record.current.id, kind: "funding", generation: record.generation });
        return;
      }
      this.applyFunding(record, step, emit);
    }
  }

  /** Fires up to `budget` scheduled steps due by `now`. Returns true when some were left for later. */
  runDue(now: number, budget: number): boolean {
    for (let left = budget; left > 0; left--) {
      const entry = this.scheduler.popDue(now);
      if (!entry) return false;
      if (entry.kind === "trade") this.fireTrade(entry.id, entry.generation, now);
      else this.fireFunding(entry.id, entry.generation, now);
    }
    return true;
  }

  applyTrade(record: TradeRecord, step: Step, emit: boolean): void {
    const next = applyStep(record.current, step, record.rng, { speed: this.speed, bots: this.cast.bots, ...(record.fullItems ? { fullItems: record.fullItems } : {}) });
    // Once the wire trade carries full items the spare copy is only memory.
    if (next.items[0]?.name) record.fullItems = undefined;
    addTradeEffect(this.wallet, record.current, -1);
    addTradeEffect(this.wallet, next, 1);
    this.trades.update(record, next);
    if (emit) this.emit({ event: "trade", payload: { trade: next } });
  }

  applyFunding(record: FundingRecord, step: FundingStep, emit: boolean): void {
    const next = applyFundingStep(record.current, record.kind, step, record.rng);
    addFundingEffect(this.wallet, record.current, record.kind, -1);
    addFundingEffect(this.wallet, next, record.kind, 1);
    this.fundings.update(record, next);
    if (emit) this.emit(fundingEvent(record));
  }

  private fireTrade(id: string, generation: number, now: number): void {
    const record = this.trades.get(id);
    if (!record || record.generation !== generation || !record.next) return;
    const step = record.next;
    record.next = undefined;
    this.applyTrade(record, step, true);
    this.advance(record, now, true);
  }

  private fireFunding(id: string, generation: number, now: number): void {
    const record = this.fundings.get(id);
    if (!record || record.generation !== generation || !record.next) return;
    const step = record.next;
    record.next = undefined;
    this.applyFunding(record, step, true);
    this.advanceFunding(record, now, true);
  }
}

/** The socket event that announces a funding's current version. */
export function fundingEvent(record: FundingRecord): SimEvent {
  return { event: record.kind === "deposit" ? "deposit" : "withdrawal", payload: { funding: record.current } };
}
