// The scenario engine: owns ground truth (trades, fundings, wallet), creates new trades at SIM_RATE,
// advances them through their lifecycle on a heap-driven tick (no per-trade timers), and hands every
// change to its emission listeners unless emission is paused. Knows nothing about HTTP or sockets.

import { findCatalogItem, type CatalogItem } from "./catalog";
import { applyFundingStep, createFunding, fundingPathTo, planNextFundingStep, type FundingStep } from "./funding";
import { applyStep, pathTo, planNextStep, type Step } from "./lifecycle";
import { createCast, tradeUrlFor, type Cast } from "./people";
import { deriveSeed, hashSeed, Rng } from "./prng";
import { Scheduler, type ScheduledEntry } from "./scheduler";
import { RecordStore, type StoredRecord } from "./store";
import { DAY, iso, scaled, type Clock } from "./time";
import { createTrade as buildTrade, type TradeContext } from "./trade-factory";
import { addFundingEffect, addTradeEffect, emptyTotals, rounded, STARTING_BALANCE_USD, type WalletTotals } from "./wallet";
import {
  TERMINAL_FUNDING_STATUSES,
  TERMINAL_TRADE_STATUSES,
  type Funding,
  type FundingKind,
  type FundingStatus,
  type Game,
  type RawEmission,
  type SimEvent,
  type Trade,
  type TradeItem,
  type TradeStatus,
  type TradeType,
} from "./wire";

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

interface TradeRecord extends StoredRecord<Trade> {
  rng: Rng;
  next?: Step;
  /** The trade never leaves this status (a deliberately stuck trade). */
  stallAt?: TradeStatus;
  /** Withdrawals only, until sourcing replaces the id/price stubs with these. */
  fullItems: TradeItem[] | undefined;
}

interface FundingRecord extends StoredRecord<Funding> {
  kind: FundingKind;
  rng: Rng;
  next?: FundingStep;
}

export interface ControlTradeInput {
  status: TradeStatus;
  game?: Game;
  type?: TradeType;
  ageSeconds?: number;
  externalId?: string;
  steamId?: string;
  itemName?: string;
  stall?: boolean;
}

export type InjectKind = "malformed" | "unknown-status" | "duplicate" | "out-of-order";

export interface SnapshotFilter {
  game?: Game;
  statuses?: ReadonlySet<string>;
  /** Trade ids or externalIds; funding ids. Applies to trades and fundings. */
  ids?: ReadonlySet<string>;
  type?: TradeType;
  /** Only the newest N matching trades (creation order). */
  limit?: number;
}

export class EngineError extends Error {
  constructor(
    readonly key: "EXTERNAL_ID_EXISTS" | "TRADE_NOT_FOUND" | "NOTHING_TO_INJECT",
    message: string,
  ) {
    super(message);
  }
}

export type EmissionListener = (emission: RawEmission) => void;

/** Independent random streams, so e.g. control-API trades never shift generated ones. */
const STREAM = { trade: 2, controlTrade: 3, funding: 4, controlFunding: 5 } as const;
/** Seeded history spans this much simulated time, skewed towards the recent end. */
const HISTORY_SIM_MS = 9 * DAY;
/** One merchant funding movement per this many generated trades. */
const TRADES_PER_FUNDING = 25;
/** Spacing of the back-dated steps of a control-API trade (real ms). */
const CONTROL_STEP_GAP_MS = 30_000;
const MAX_EVENTS_PER_TICK = 20_000;
const MAX_ARRIVALS_PER_TICK = 20_000;
/** Fundings are few; keep at most this many terminal ones. */
const MAX_TERMINAL_FUNDINGS = 20_000;

export class Engine {
  readonly merchantId: string;
  readonly seed: string;
  readonly speed: number;
  readonly trades: RecordStore<Trade, TradeRecord>;
  readonly fundings: RecordStore<Funding, FundingRecord>;
  emitted = 0;
  suppressed = 0;

  private readonly root: number;
  private readonly cast: Cast;
  private readonly clock: Clock;
  private readonly tickMs: number;
  private readonly tradeCtx: TradeContext;
  private readonly byExternalId = new Map<string, string>();
  private readonly scheduler = new Scheduler();
  private readonly wallet: WalletTotals = emptyTotals();
  private readonly listeners = new Set<EmissionListener>();
  private nextTradeIndex = 0;
  private nextFundingIndex = 0;
  private controlTradeIndex = 0;
  private controlFundingIndex = 0;
  private externalSeq = 0;
  private currentRate: number;
  private rateEpochMs: number;
  private arrivalsSinceEpoch = 0;
  private isPaused = false;
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;

  constructor(options: EngineOptions) {
    this.merchantId = options.merchantId;
    this.seed = options.seed;
    this.speed = options.speed;
    this.clock = options.clock;
    this.tickMs = options.tickMs ?? 20;
    this.root = hashSeed(options.seed);
    this.cast = createCast(this.root);
    this.tradeCtx = { merchantId: this.merchantId, cast: this.cast, speed: this.speed };
    this.currentRate = options.rate;
    this.rateEpochMs = this.clock.now();
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
    for (let budget = MAX_EVENTS_PER_TICK; budget > 0; budget--) {
      const entry = this.scheduler.popDue(now);
      if (!entry) return false;
      this.fire(entry, now);
    }
    return true;
  }

  onEmission(listener: EmissionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get paused(): boolean {
    return this.isPaused;
  }

  /** While paused the world keeps moving but nothing is emitted; resuming does not replay the gap. */
  setPaused(paused: boolean): void {
    this.isPaused = paused;
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
    return this.trades.size;
  }

  *allTrades(): IterableIterator<Trade> {
    for (const record of this.trades.records.values()) yield record.current;
  }

  *allFundings(): IterableIterator<{ funding: Funding; kind: FundingKind }> {
    for (const record of this.fundings.records.values()) yield { funding: record.current, kind: record.kind };
  }

  getTrade(id: string): Trade | undefined {
    return this.trades.get(id)?.current;
  }

  /** By AssetPay id or merchant externalId (§5 `GET /secure/trades/{ref}`). */
  findTrade(ref: string): Trade | undefined {
    const byId = this.trades.get(ref);
    if (byId) return byId.current;
    const id = this.byExternalId.get(ref);
    return id === undefined ? undefined : this.trades.get(id)?.current;
  }

  isStalled(id: string): boolean {
    const record = this.trades.get(id);
    return !!record && !record.next && !TERMINAL_TRADE_STATUSES.has(record.current.status);
  }

  walletBalance(): { balance: number; pendingBalance: number; escrowBalance: number; currency: "USD" } {
    const totals = rounded({ ...this.wallet, balance: this.wallet.balance + STARTING_BALANCE_USD });
    return { ...totals, currency: "USD" };
  }

  /** Ground truth for /__sim/state. Counts always cover everything; lists honour the filter. */
  snapshot(filter: SnapshotFilter = {}) {
    let trades: Trade[] = [];
    const byStatus: Record<string, number> = {};
    const byGame: Record<string, number> = {};
    const bySource: Record<string, number> = {};
    let stalled = 0;
    for (const record of this.trades.records.values()) {
      const t = record.current;
      byStatus[t.status] = (byStatus[t.status] ?? 0) + 1;
      byGame[t.game] = (byGame[t.game] ?? 0) + 1;
      bySource[t.source] = (bySource[t.source] ?? 0) + 1;
      if (!record.next && !TERMINAL_TRADE_STATUSES.has(t.status)) stalled++;
      if (filter.game && t.game !== filter.game) continue;
      if (filter.type && t.type !== filter.type) continue;
      if (filter.statuses && !filter.statuses.has(t.status)) continue;
      if (filter.ids && !filter.ids.has(t.id) && !(t.externalId && filter.ids.has(t.externalId))) continue;
      trades.push(t);
    }
    if (filter.limit !== undefined && trades.length > filter.limit) trades = trades.slice(trades.length - filter.limit);
    const deposits: Funding[] = [];
    const withdrawals: Funding[] = [];
    let depositCount = 0;
    for (const record of this.fundings.records.values()) {
      if (record.kind === "deposit") depositCount++;
      if (filter.ids && !filter.ids.has(record.current.id)) continue;
      (record.kind === "deposit" ? deposits : withdrawals).push(record.current);
    }
    return {
      merchantId: this.merchantId,
      paused: this.isPaused,
      rate: this.currentRate,
      speed: this.speed,
      seed: this.seed,
      trades,
      /** Listed trades that will never advance on their own (stalled by scenario or by the control API). */
      stalledIds: trades.filter((t) => this.isStalled(t.id)).map((t) => t.id),
      deposits,
      withdrawals,
      counts: {
        trades: this.trades.size,
        byStatus,
        byGame,
        bySource,
        stalled,
        deposits: depositCount,
        withdrawals: this.fundings.size - depositCount,
        emitted: this.emitted,
        suppressed: this.suppressed,
        evictedTrades: this.trades.evicted,
        scheduled: this.scheduler.size,
      },
    };
  }

  // ---- control ---------------------------------------------------------------------------------

  createControlTrade(input: ControlTradeInput): Trade {
    if (input.externalId !== undefined && this.byExternalId.has(input.externalId)) {
      throw new EngineError("EXTERNAL_ID_EXISTS", `externalId ${input.externalId} already exists`);
    }
    const now = this.clock.now();
    const rng = new Rng(deriveSeed(this.root, STREAM.controlTrade, this.controlTradeIndex++));
    const found = input.itemName ? findCatalogItem(input.itemName) : undefined;
    const game: Game = input.game ?? found?.game ?? "730";
    const type: TradeType = input.type ?? "deposit";
    let item: CatalogItem | undefined;
    if (found && found.game === game) item = found.item;
    else if (input.itemName) item = { name: input.itemName, type: game === "730" ? "Rifle" : "Misc", price: 25, weight: 1 };

    const path = pathTo(input.status, type, game);
    const enteredAt = now - (input.ageSeconds ?? 0) * 1000;
    const createdAtMs = enteredAt - (path.length - 1) * CONTROL_STEP_GAP_MS;
    const created = buildTrade(rng, this.tradeCtx, {
      createdAtMs,
      externalId: input.externalId ?? this.nextExternalId(),
      game,
      type,
      source: "client",
      ...(input.steamId ? { steamId: input.steamId, tradeUrl: tradeUrlFor(input.steamId, rng) } : {}),
      ...(item ? { item } : {}),
    });
    const record = this.addTrade(created.trade, created.fullItems, rng);
    path.slice(1).forEach((status, k) => {
      const atMs = createdAtMs + (k + 1) * CONTROL_STEP_GAP_MS;
      this.applyTrade(record, {
        status,
        atMs,
        ...(status === "failed" ? { error: type === "withdraw" ? "MERCHANT_REJECTED" : "OFFER_NOT_ACCEPTED" } : {}),
        ...(status === "reverted" ? { revertedBy: "user" as const } : {}),
      }, false);
    });
    this.emit({ event: "trade", payload: { trade: record.current } });
    if (input.stall === false) this.advance(record, now, true);
    return record.current;
  }

  /** Moves a trade for tests. It then stays put (stall) unless `stall` is false. */
  setTradeStatus(id: string, status: TradeStatus, stall = true): Trade {
    const record = this.trades.get(id);
    if (!record) throw new EngineError("TRADE_NOT_FOUND", `trade ${id} not found`);
    const now = this.clock.now();
    record.generation++;
    record.next = undefined;
    this.applyTrade(record, {
      status,
      atMs: now,
      ...(status === "failed" ? { error: record.current.error ?? "SERVICE_UNAVAILABLE" } : {}),
    }, true);
    if (!stall) {
      record.stallAt = undefined;
      this.advance(record, now, true);
    }
    return record.current;
  }

  createControlFunding(kind: FundingKind, status?: FundingStatus): Funding {
    const now = this.clock.now();
    const rng = new Rng(deriveSeed(this.root, STREAM.controlFunding, this.controlFundingIndex++));
    const path = status ? fundingPathTo(kind, status) : ["INITIATED" as const];
    const createdAtMs = now - (path.length - 1) * CONTROL_STEP_GAP_MS;
    const record: FundingRecord = { current: createFunding(rng, this.merchantId, kind, createdAtMs), kind, rng, generation: 0 };
    this.fundings.add(record);
    addFundingEffect(this.wallet, record.current, kind);
    path.slice(1).forEach((s, k) => this.applyFunding(record, { status: s, atMs: createdAtMs + (k + 1) * CONTROL_STEP_GAP_MS }, false));
    this.emit(fundingEvent(record));
    // An explicit status is a fixture: it stays. Without one the funding lives its normal life.
    if (!status) this.advanceFunding(record, now, true);
    return record.current;
  }

  /**
   * Emits a deliberately awkward event. `id` picks the trade/funding to base it on (by id, or trade
   * externalId); without it the most recently changed one is used.
   */
  inject(kind: InjectKind, event: RawEmission["event"] = "trade", options: { payload?: unknown; id?: string } = {}): { emitted: boolean; emission: RawEmission } {
    const emission = this.injection(kind, event, options);
    return { emitted: this.emit(emission), emission };
  }

  private injection(kind: InjectKind, event: RawEmission["event"], options: { payload?: unknown; id?: string }): RawEmission {
    if (kind === "malformed") {
      const fallback = event === "trade" ? { trade: { id: 42 } } : { funding: { id: 42, status: 7 } };
      return { event, payload: options.payload === undefined ? fallback : options.payload };
    }
    const fundingKind: FundingKind = event === "deposit" ? "deposit" : "withdrawal";
    const latest =
      options.id !== undefined
        ? event === "trade"
          ? this.findTrade(options.id)
          : this.fundings.get(options.id)?.current
        : event === "trade"
          ? this.latestTrade()
          : this.latestFunding(fundingKind);
    if (!latest) throw new EngineError("NOTHING_TO_INJECT", options.id ? `no ${event} ${options.id}` : `no ${event} exists yet to base the injection on`);
    const wrap = (value: object): RawEmission =>
      event === "trade" ? { event, payload: { trade: value } } : { event, payload: { funding: value } };
    switch (kind) {
      case "duplicate":
        return wrap(latest);
      case "unknown-status":
        // A newer-looking version so a consumer cannot drop it as stale and must handle the status.
        return wrap({ ...latest, status: event === "trade" ? "teleported" : "TELEPORTED", updatedAt: iso(this.clock.now()) });
      case "out-of-order": {
        const older =
          event === "trade"
            ? this.trades.recentSuperseded((r) => options.id === undefined || r.current.id === latest.id)
            : this.fundings.recentSuperseded((r) => r.kind === fundingKind && (options.id === undefined || r.current.id === latest.id));
        if (older) return wrap(older);
        // Nothing has advanced yet: fabricate the version before the latest one.
        const earlier = new Date(Date.parse(latest.updatedAt) - 60_000).toISOString();
        return wrap({ ...latest, status: event === "trade" ? "initiated" : "INITIATED", updatedAt: earlier });
      }
    }
  }

  private latestTrade(): Trade | undefined {
    const id = this.trades.lastChangedId;
    return (id === undefined ? undefined : this.trades.get(id)?.current) ?? this.trades.records.values().next().value?.current;
  }

  private latestFunding(kind: FundingKind): Funding | undefined {
    let latest: Funding | undefined;
    for (const record of this.fundings.records.values()) {
      if (record.kind === kind && (!latest || record.current.updatedAt >= latest.updatedAt)) latest = record.current;
    }
    return latest;
  }

  // ---- internals -------------------------------------------------------------------------------

  private emit(emission: SimEvent | RawEmission): boolean {
    if (this.isPaused) {
      this.suppressed++;
      return false;
    }
    this.emitted++;
    for (const listener of this.listeners) listener(emission);
    return true;
  }

  private nextExternalId(): string {
    return `ord_${100_000 + ++this.externalSeq}`;
  }

  private seedHistory(count: number): void {
    const now = this.clock.now();
    const window = scaled(HISTORY_SIM_MS, this.speed);
    const drafts = Array.from({ length: count }, (_, index) => {
      const rng = new Rng(deriveSeed(this.root, STREAM.trade, index));
      return { index, rng, createdAtMs: Math.round(now - window * rng.next() ** 2) };
    });
    this.nextTradeIndex = count;
    drafts.sort((a, b) => a.createdAtMs - b.createdAtMs || a.index - b.index);
    for (const draft of drafts) {
      const record = this.spawnTrade(draft.rng, draft.createdAtMs);
      this.advance(record, now, false);
    }
    const fundingCount = Math.ceil(count / 12);
    const fundingDrafts = Array.from({ length: fundingCount }, (_, index) => {
      const rng = new Rng(deriveSeed(this.root, STREAM.funding, index));
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
      const rng = new Rng(deriveSeed(this.root, STREAM.trade, this.nextTradeIndex++));
      const record = this.spawnTrade(rng, createdAtMs);
      this.emit({ event: "trade", payload: { trade: record.current } });
      this.advance(record, now, true);
      if (this.nextTradeIndex % TRADES_PER_FUNDING === 0) {
        const fundingRng = new Rng(deriveSeed(this.root, STREAM.funding, this.nextFundingIndex++));
        this.spawnFunding(fundingRng, createdAtMs, now, true);
      }
    }
  }

  private spawnTrade(rng: Rng, createdAtMs: number): TradeRecord {
    const created = buildTrade(rng, this.tradeCtx, { createdAtMs, externalId: this.nextExternalId() });
    const record = this.addTrade(created.trade, created.fullItems, rng);
    // About 4 % of trades get stuck somewhere in flight and never advance.
    if (rng.chance(0.04)) {
      const stops: TradeStatus[] = created.trade.type === "withdraw" ? ["initiated", "pending", "active", "active"] : ["initiated", "active", "active"];
      record.stallAt = rng.pick(stops);
    }
    return record;
  }

  private addTrade(trade: Trade, fullItems: TradeItem[], rng: Rng): TradeRecord {
    const record: TradeRecord = { current: trade, rng, generation: 0, fullItems: trade.type === "withdraw" ? fullItems : undefined };
    this.trades.add(record);
    if (trade.externalId) this.byExternalId.set(trade.externalId, trade.id);
    addTradeEffect(this.wallet, trade);
    return record;
  }

  private spawnFunding(rng: Rng, createdAtMs: number, now: number, emit: boolean): void {
    const kind: FundingKind = rng.chance(0.6) ? "deposit" : "withdrawal";
    const record: FundingRecord = { current: createFunding(rng, this.merchantId, kind, createdAtMs), kind, rng, generation: 0 };
    this.fundings.add(record);
    addFundingEffect(this.wallet, record.current, kind);
    if (emit) this.emit(fundingEvent(record));
    this.advanceFunding(record, now, emit);
  }

  /** Applies every step already due, then schedules the next one (unless the trade stalls here). */
  private advance(record: TradeRecord, now: number, emit: boolean): void {
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

  private advanceFunding(record: FundingRecord, now: number, emit: boolean): void {
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

  private fire(entry: ScheduledEntry, now: number): void {
    if (entry.kind === "trade") {
      const record = this.trades.get(entry.id);
      if (!record || record.generation !== entry.generation || !record.next) return;
      const step = record.next;
      record.next = undefined;
      this.applyTrade(record, step, true);
      this.advance(record, now, true);
      return;
    }
    const record = this.fundings.get(entry.id);
    if (!record || record.generation !== entry.generation || !record.next) return;
    const step = record.next;
    record.next = undefined;
    this.applyFunding(record, step, true);
    this.advanceFunding(record, now, true);
  }

  private applyTrade(record: TradeRecord, step: Step, emit: boolean): void {
    const next = applyStep(record.current, step, record.rng, { speed: this.speed, bots: this.cast.bots, ...(record.fullItems ? { fullItems: record.fullItems } : {}) });
    // Once the wire trade carries full items the spare copy is only memory.
    if (next.items[0]?.name) record.fullItems = undefined;
    addTradeEffect(this.wallet, record.current, -1);
    addTradeEffect(this.wallet, next, 1);
    this.trades.update(record, next);
    if (emit) this.emit({ event: "trade", payload: { trade: next } });
  }

  private applyFunding(record: FundingRecord, step: FundingStep, emit: boolean): void {
    const next = applyFundingStep(record.current, record.kind, step, record.rng);
    addFundingEffect(this.wallet, record.current, record.kind, -1);
    addFundingEffect(this.wallet, next, record.kind, 1);
    this.fundings.update(record, next);
    if (emit) this.emit(fundingEvent(record));
  }
}

function fundingEvent(record: FundingRecord): SimEvent {
  return { event: record.kind === "deposit" ? "deposit" : "withdrawal", payload: { funding: record.current } };
}
