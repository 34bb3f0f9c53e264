// The engine's side of the simulator's control API (/__sim/*, sim/control.ts): trades and fundings
// created straight into a status as test fixtures, and trades moved by hand. Fixtures draw on random
// streams of their own, so creating them never changes what the scenario generates.

import { findCatalogItem, type CatalogItem } from "./catalog";
import { EngineError } from "./engine-error";
import { createFunding, fundingPathTo } from "./funding";
import { fundingEvent, type GroundTruth } from "./ground-truth";
import { pathTo } from "./lifecycle";
import { tradeUrlFor } from "./people";
import { createTrade as buildTrade } from "./trade-factory";
import type { Funding, FundingKind, FundingStatus, Game, Trade, TradeStatus, TradeType } from "./wire";

export interface ControlTradeInput {
  status: TradeStatus;
  game?: Game;
  type?: TradeType;
  ageSeconds?: number;
  externalId?: string;
  steamId?: string;
  itemName?: string;
  stall?: boolean;
  /** Deposits: instant credit requested or not (else drawn at random like any trade). */
  instant?: boolean;
  /** A trade reaching `reverted`: who reverted it (default user). */
  revertedBy?: "supplier" | "user";
  /** A trade whose path passes `hold`: its holdEndDate this many seconds from now (negative: past). */
  holdEndsInSeconds?: number;
}

/** Spacing of the back-dated steps of a control-API trade or funding (real ms). */
const CONTROL_STEP_GAP_MS = 30_000;

export class ControlApi {
  private tradeIndex = 0;
  private fundingIndex = 0;

  constructor(private readonly truth: GroundTruth) {}

  /**
   * A trade that has just reached `input.status` (or did so `ageSeconds` ago), its earlier steps
   * back-dated CONTROL_STEP_GAP_MS apart. Only the final version is emitted. It stays in that status
   * unless `stall` is false.
   */
  createTrade(input: ControlTradeInput): Trade {
    const truth = this.truth;
    if (input.externalId !== undefined && truth.hasExternalId(input.externalId)) {
      throw new EngineError("EXTERNAL_ID_EXISTS", `externalId ${input.externalId} already exists`);
    }
    const now = truth.clock.now();
    const rng = truth.rng("controlTrade", this.tradeIndex++);
    const found = input.itemName ? findCatalogItem(input.itemName) : undefined;
    const game: Game = input.game ?? found?.game ?? "730";
    const type: TradeType = input.type ?? "deposit";
    let item: CatalogItem | undefined;
    if (found && found.game === game) item = found.item;
    else if (input.itemName) item = { name: input.itemName, type: game === "730" ? "Rifle" : "Misc", price: 25, weight: 1 };

    const path = pathTo(input.status, type, game);
    const enteredAt = now - (input.ageSeconds ?? 0) * 1000;
    const createdAtMs = enteredAt - (path.length - 1) * CONTROL_STEP_GAP_MS;
    const created = buildTrade(rng, truth.tradeCtx, {
      createdAtMs,
      externalId: input.externalId ?? truth.nextExternalId(),
      game,
      type,
      source: "client",
      ...(input.steamId ? { steamId: input.steamId, tradeUrl: tradeUrlFor(input.steamId, rng) } : {}),
      ...(item ? { item } : {}),
      ...(input.instant !== undefined ? { instant: input.instant } : {}),
    });
    // Set before the hold step, which keeps a holdEndDate already there.
    if (input.holdEndsInSeconds !== undefined && path.includes("hold")) created.trade.holdEndDate = new Date(now + input.holdEndsInSeconds * 1000).toISOString();
    const record = truth.addTrade(created.trade, created.fullItems, rng);
    path.slice(1).forEach((status, k) => {
      const atMs = createdAtMs + (k + 1) * CONTROL_STEP_GAP_MS;
      truth.applyTrade(record, {
        status,
        atMs,
        ...(status === "failed" ? { error: type === "withdraw" ? "MERCHANT_REJECTED" : "OFFER_NOT_ACCEPTED" } : {}),
        ...(status === "reverted" ? { revertedBy: input.revertedBy ?? ("user" as const) } : {}),
      }, false);
    });
    truth.emit({ event: "trade", payload: { trade: record.current } });
    if (input.stall === false) truth.advance(record, now, true);
    return record.current;
  }

  /** Moves a trade for tests. It then stays put (stall) unless `stall` is false. */
  setTradeStatus(id: string, status: TradeStatus, stall = true): Trade {
    const truth = this.truth;
    const record = truth.trades.get(id);
    if (!record) throw new EngineError("TRADE_NOT_FOUND", `trade ${id} not found`);
    const now = truth.clock.now();
    // Orphans the step already scheduled for this trade.
    record.generation++;
    record.next = undefined;
    truth.applyTrade(record, {
      status,
      atMs: now,
      ...(status === "failed" ? { error: record.current.error ?? "SERVICE_UNAVAILABLE" } : {}),
    }, true);
    if (!stall) {
      record.stallAt = undefined;
      truth.advance(record, now, true);
    }
    return record.current;
  }

  /**
   * A funding in `status` (a fixture: it stays there), reached now or `ageSeconds` ago, its earlier
   * steps back-dated CONTROL_STEP_GAP_MS apart; without a status, a new funding that lives its normal life.
   */
  createFunding(kind: FundingKind, status?: FundingStatus, ageSeconds = 0): Funding {
    const truth = this.truth;
    const now = truth.clock.now();
    const rng = truth.rng("controlFunding", this.fundingIndex++);
    const path = status ? fundingPathTo(kind, status) : ["INITIATED" as const];
    const reachedAt = status ? now - ageSeconds * 1000 : now;
    const createdAtMs = reachedAt - (path.length - 1) * CONTROL_STEP_GAP_MS;
    const record = truth.addFunding(createFunding(rng, truth.merchantId, kind, createdAtMs), kind, rng);
    path.slice(1).forEach((s, k) => truth.applyFunding(record, { status: s, atMs: createdAtMs + (k + 1) * CONTROL_STEP_GAP_MS }, false));
    truth.emit(fundingEvent(record));
    if (!status) truth.advanceFunding(record, now, true);
    return record.current;
  }
}
