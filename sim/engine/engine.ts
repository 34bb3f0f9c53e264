// The scenario engine: seeds a history, creates new trades at SIM_RATE and advances every trade and
// funding through its lifecycle on a heap-driven tick (no per-trade timers), over the ground truth in
// ground-truth.ts. The control API's fixtures (control-api.ts), injected faults (fault-injection.ts)
// and the /__sim/state snapshot (snapshot.ts) are reached through it. Knows nothing about HTTP or sockets.

import { ControlApi, type ControlTradeInput } from "./control-api";
import { injection, type InjectKind, type InjectOptions } from "./fault-injection";
import { createFunding } from "./funding";
import { fundingEvent, GroundTruth, type EmissionListener, type TradeRecord } from "./ground-truth";
import type { Rng } from "./prng";
import { snapshotOf, type SnapshotFilter } from "./snapshot";
import { DAY, scaled, type Clock } from "./time";
import { createTrade as buildTrade } from "./trade-factory";
import type { Funding, FundingKind, FundingStatus, RawEmission, Trade, TradeStatus } from "./wire";

export interface EngineOptions {
  merchantId: string;
  seed: string;
  /** Simulated seconds per real second. */
  speed: number;
  /** New trades per real second. */
  rate: number;
  initialTrades: number;
  maxTerminalTrades: number;
  clock: Clock;
  tickMs?: number;
}

/** Seeded history spans this much simulated time, skewed towards the recent end. */
const HISTORY_SIM_MS = 9 * DAY;
/** One merchant funding movement per this many generated trades. */
const TRADES_PER_FUNDING = 25;
const MAX_EVENTS_PER_TICK = 20_000;
const MAX_ARRIVALS_PER_TICK = 20_000;

export class Engine {
  readonly merchantId: string;
  readonly seed: string;
  readonly speed: number;

  private readonly truth: GroundTruth;
  private readonly control: ControlApi;
  private readonly clock: Clock;
  private readonly tickMs: number;
  private nextTradeIndex = 0;
  private nextFundingIndex = 0;
  private currentRate: number;
  private rateEpochMs: number;
  private arrivalsSinceEpoch = 0;
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;

  constructor(options: EngineOptions) {
    this.merchantId = options.merchantId;
    this.seed = options.seed;
    this.speed = options.speed;
    this.clock = options.clock;
    this.tickMs = options.tickMs ?? 20;
    this.truth = new GroundTruth(options);
    this.control = new ControlApi(this.truth);
    this.currentRate = options.rate;
    this.rateEpochMs = this.clock.now();
    this.seedHistory(options.initialTrades);
  }

  // ---- running -------------------------------------------------------------------------------

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.runTick(), this.tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
  }

  private runTick(): void {
    this.immediate = undefined;
    // A backlog (after a slow spell or a rate jump) continues on the next turn of the event loop
    // instead of blocking sockets and HTTP for one long tick.
    if (this.tick() && !this.immediate) this.immediate = setImmediate(() => this.runTick());
  }

  /** Advances the world to the clock's now. Returns true when work was left for another tick. */
  tick(): boolean {
    const now = this.clock.now();
    this.generateArrivals(now);
    return this.truth.runDue(now, MAX_EVENTS_PER_TICK);
  }

  onEmission(listener: EmissionListener): () => void {
    return this.truth.onEmission(listener);
  }

  get paused(): boolean {
    return this.truth.paused;
  }

  /** While paused the world keeps moving but nothing is emitted; resuming does not replay the gap. */
  setPaused(paused: boolean): void {
    this.truth.paused = paused;
  }

  get rate(): number {
    return this.currentRate;
  }

  setRate(rate: number): void {
    this.currentRate = rate;
    this.rateEpochMs = this.clock.now();
    this.arrivalsSinceEpoch = 0;
  }

  now(): number {
    return this.clock.now();
  }

  // ---- reads -----------------------------------------------------------------------------------

  tradeCount(): number {
    return this.truth.trades.size;
  }

  *allTrades(): IterableIterator<Trade> {
    for (const record of this.truth.trades.records.values()) yield record.current;
  }

  *allFundings(): IterableIterator<{ funding: Funding; kind: FundingKind }> {
    for (const record of this.truth.fundings.records.values()) yield { funding: record.current, kind: record.kind };
  }

  getTrade(id: string): Trade | undefined {
    return this.truth.trades.get(id)?.current;
  }

  /** By AssetPay id or merchant externalId (`GET /secure/trades/{ref}`, docs/assetpay-api.md). */
  findTrade(ref: string): Trade | undefined {
    return this.truth.findTrade(ref);
  }

  isStalled(id: string): boolean {
    return this.truth.isStalled(id);
  }

  walletBalance(): { balance: number; pendingBalance: number; escrowBalance: number; currency: "USD" } {
    return this.truth.walletBalance();
  }

  /** Ground truth for /__sim/state. Counts always cover everything; lists honour the filter. */
  snapshot(filter: SnapshotFilter = {}) {
    return snapshotOf(this.truth, this.currentRate, filter);
  }

  // ---- control API and faults (control-api.ts, fault-injection.ts) -----------------------------

  createControlTrade(input: ControlTradeInput): Trade {
    return this.control.createTrade(input);
  }

  /** Moves a trade for tests. It then stays put (stall) unless `stall` is false. */
  setTradeStatus(id: string, status: TradeStatus, stall = true): Trade {
    return this.control.setTradeStatus(id, status, stall);
  }

  /** AssetPay no longer knows this trade (by id or externalId): undefined when it never did. */
  forgetTrade(ref: string): Trade | undefined {
    return this.truth.forgetTrade(ref);
  }

  createControlFunding(kind: FundingKind, status?: FundingStatus, ageSeconds?: number): Funding {
    return this.control.createFunding(kind, status, ageSeconds);
  }

  /**
   * Emits a deliberately awkward event. `id` picks the trade/funding to base it on (by id, or trade
   * externalId); without it the most recently changed one is used.
   */
  inject(kind: InjectKind, event: RawEmission["event"] = "trade", options: InjectOptions = {}): { emitted: boolean; emission: RawEmission } {
    const emission = injection(this.truth, kind, event, options);
    return { emitted: this.truth.emit(emission), emission };
  }

  // ---- the scenario ------------------------------------------------------------------------------

  private seedHistory(count: number): void {
    const now = this.clock.now();
    const window = scaled(HISTORY_SIM_MS, this.speed);
    const drafts = Array.from({ length: count }, (_, index) => {
      const rng = this.truth.rng("trade", index);
      return { index, rng, createdAtMs: Math.round(now - window * rng.next() ** 2) };
    });
    this.nextTradeIndex = count;
    drafts.sort((a, b) => a.createdAtMs - b.createdAtMs || a.index - b.index);
    for (const draft of drafts) {
      const record = this.spawnTrade(draft.rng, draft.createdAtMs);
      this.truth.advance(record, now, false);
    }
    const fundingCount = Math.ceil(count / 12);
    const fundingDrafts = Array.from({ length: fundingCount }, (_, index) => {
      const rng = this.truth.rng("funding", index);
      return { index, rng, createdAtMs: Math.round(now - window * rng.next() ** 2) };
    });
    this.nextFundingIndex = fundingCount;
    fundingDrafts.sort((a, b) => a.createdAtMs - b.createdAtMs || a.index - b.index);
    for (const draft of fundingDrafts) this.spawnFunding(draft.rng, draft.createdAtMs, now, false);
  }

  private generateArrivals(now: number): void {
    if (this.currentRate <= 0) return;
    const due = Math.floor(((now - this.rateEpochMs) * this.currentRate) / 1000);
    // Far behind (process was suspended): skip ahead rather than flood.
    if (due - this.arrivalsSinceEpoch > MAX_ARRIVALS_PER_TICK) this.arrivalsSinceEpoch = due - MAX_ARRIVALS_PER_TICK;
    while (this.arrivalsSinceEpoch < due) {
      this.arrivalsSinceEpoch++;
      const createdAtMs = Math.round(this.rateEpochMs + (this.arrivalsSinceEpoch * 1000) / this.currentRate);
      const rng = this.truth.rng("trade", this.nextTradeIndex++);
      const record = this.spawnTrade(rng, createdAtMs);
      this.truth.emit({ event: "trade", payload: { trade: record.current } });
      this.truth.advance(record, now, true);
      if (this.nextTradeIndex % TRADES_PER_FUNDING === 0) {
        const fundingRng = this.truth.rng("funding", this.nextFundingIndex++);
        this.spawnFunding(fundingRng, createdAtMs, now, true);
      }
    }
  }

  private spawnTrade(rng: Rng, createdAtMs: number): TradeRecord {
    const created = buildTrade(rng, this.truth.tradeCtx, { createdAtMs, externalId: this.truth.nextExternalId() });
    const record = this.truth.addTrade(created.trade, created.fullItems, rng);
    // About 4 % of trades get stuck somewhere in flight and never advance.
    if (rng.chance(0.04)) {
      const stops: TradeStatus[] = created.trade.type === "withdraw" ? ["initiated", "pending", "active", "active"] : ["initiated", "active", "active"];
      record.stallAt = rng.pick(stops);
    }
    return record;
  }

  private spawnFunding(rng: Rng, createdAtMs: number, now: number, emit: boolean): void {
    const kind: FundingKind = rng.chance(0.6) ? "deposit" : "withdrawal";
    const record = this.truth.addFunding(createFunding(rng, this.merchantId, kind, createdAtMs), kind, rng);
    if (emit) this.truth.emit(fundingEvent(record));
    this.truth.advanceFunding(record, now, emit);
  }
}
