// Engine behaviour without HTTP: documented transitions only, the same world whatever the tick rate,
// bounded memory, seeded history, and a wallet that follows ground truth.

import { describe, expect, it } from "vitest";
import { Engine, type EngineOptions } from "./engine";
import type { RawEmission, Trade } from "./wire";

function manualEngine(overrides: Partial<EngineOptions> = {}) {
  let now = Date.UTC(2026, 4, 20, 12, 0, 0);
  const engine = new Engine({
    merchantId: "mrc_test",
    seed: "engine-test",
    speed: 3600,
    rate: 0,
    initialTrades: 0,
    maxTerminalTrades: 1_000_000,
    clock: { now: () => now },
    ...overrides,
  });
  const emissions: RawEmission[] = [];
  engine.onEmission((e) => emissions.push(e));
  return {
    engine,
    emissions,
    advance(ms: number, step = 100) {
      for (let t = 0; t < ms; t += step) {
        now += step;
        while (engine.tick());
      }
    },
  };
}

// docs/assetpay-api.md#trade-transitions, plus completed→reverted (see docs/assetpay-api.md#trade-statuses ambiguity) and withdraw pending→canceled/reverted (auto-cancel, item cancel).
const ALLOWED: Record<Trade["type"], Record<string, string[]>> = {
  deposit: {
    initiated: ["active", "failed", "canceled"],
    active: ["hold", "completed", "failed", "declined", "canceled"],
    hold: ["completed", "reverted"],
    completed: ["reverted"],
  },
  withdraw: {
    initiated: ["pending", "failed"],
    pending: ["active", "failed", "canceled", "reverted"],
    active: ["hold", "completed", "declined", "failed"],
    hold: ["completed", "reverted"],
    completed: ["reverted"],
  },
};

describe("scenario engine", () => {
  it("moves trades only along documented transitions, with the fields each status implies", () => {
    const { engine, emissions, advance } = manualEngine({ rate: 200 });
    advance(20_000); // 4000 trades; at speed 3600 a 7-day hold lasts 168 s, so some get to completed
    engine.setRate(0);
    advance(200_000, 1000);
    const history = new Map<string, Trade[]>();
    for (const e of emissions) {
      if (e.event !== "trade") continue;
      const trade = (e.payload as { trade: Trade }).trade;
      history.set(trade.id, [...(history.get(trade.id) ?? []), trade]);
    }
    expect(history.size).toBe(4000);
    const seen = new Set<string>();
    for (const versions of history.values()) {
      expect(versions[0]?.status).toBe("initiated");
      for (let i = 1; i < versions.length; i++) {
        const from = versions[i - 1];
        const to = versions[i];
        if (!from || !to) continue;
        seen.add(`${to.type}:${from.status}->${to.status}`);
        expect(ALLOWED[to.type][from.status] ?? [], `${to.type} ${from.status}→${to.status}`).toContain(to.status);
        expect(to.updatedAt >= from.updatedAt).toBe(true);
        if (to.game === "252490") expect(to.status).not.toBe("hold");
        if (to.status === "failed") expect(to.error).toBeDefined();
        if (to.status === "reverted") expect(to.revertedBy).toBeDefined();
        if (to.status === "hold") expect(Date.parse(to.holdEndDate ?? "") - Date.parse(to.updatedAt)).toBeCloseTo((7 * 86_400_000) / 3600, -1);
      }
    }
    // The run really exercised the lifecycle, not just creation.
    for (const t of ["deposit:active->hold", "deposit:hold->completed", "deposit:active->completed", "withdraw:pending->active", "deposit:active->declined", "withdraw:initiated->failed"]) {
      expect(seen).toContain(t);
    }
    const counts = engine.snapshot().counts;
    expect(counts.stalled).toBeGreaterThan(0);
    expect(counts.byStatus.completed).toBeGreaterThan(1000);
  }, 60_000);

  it("creates rate × seconds trades, and each trade lives the same life however often the engine ticks", () => {
    // A loaded machine ticks late and seldom; what the world does must not depend on it. (How fast the
    // engine produces events is bench/sim-engine.ts's figure, not something a unit test can hold.)
    const lives = (tickMs: number) => {
      const { engine, emissions, advance } = manualEngine({ rate: 1000 });
      advance(5_000, tickMs);
      const byTrade = new Map<string, string[]>();
      for (const e of emissions) {
        if (e.event !== "trade") continue;
        const trade = (e.payload as { trade: Trade }).trade;
        byTrade.set(trade.id, [...(byTrade.get(trade.id) ?? []), `${trade.status}@${trade.updatedAt}`]);
      }
      return { trades: engine.tradeCount(), events: emissions.length, byTrade };
    };
    const often = lives(20);
    const seldom = lives(1_000);
    expect(often.trades).toBe(5_000);
    expect(often.byTrade.size).toBe(5_000);
    for (const versions of often.byTrade.values()) expect(versions[0]).toMatch(/^initiated@/);
    expect(often.events).toBeGreaterThan(10_000); // lifecycle steps too, not only creations
    expect(seldom.trades).toBe(often.trades);
    expect(seldom.events).toBe(often.events);
    expect(Object.fromEntries(seldom.byTrade)).toEqual(Object.fromEntries(often.byTrade));
  }, 60_000);

  it("keeps at most maxTerminalTrades terminal trades, dropping the oldest", () => {
    const { engine, advance } = manualEngine({ rate: 500, maxTerminalTrades: 300 });
    advance(10_000);
    engine.setRate(0);
    advance(300_000, 1000);
    const { counts, trades } = engine.snapshot();
    const terminal = trades.filter((t) => ["completed", "canceled", "declined", "failed", "reverted"].includes(t.status));
    expect(terminal.length).toBeLessThanOrEqual(300);
    expect(counts.evictedTrades).toBeGreaterThan(4000);
    expect(engine.findTrade("ord_100001")).toBeUndefined();
  }, 60_000);

  it("seeds a history of terminal, in-flight and stalled trades", () => {
    const { engine, emissions } = manualEngine({ initialTrades: 300, speed: 60 });
    const { counts } = engine.snapshot();
    expect(emissions).toEqual([]); // history is not replayed on the wire
    expect(counts.trades).toBe(300);
    expect(counts.stalled).toBeGreaterThan(0);
    expect(counts.byStatus.hold).toBeGreaterThan(0);
    expect((counts.byStatus.completed ?? 0) + (counts.byStatus.failed ?? 0)).toBeGreaterThan(0);
    expect(counts.deposits + counts.withdrawals).toBe(25);
  });

  it("derives the wallet from trade states", () => {
    const { engine } = manualEngine();
    const start = engine.walletBalance();
    const deposit = engine.createControlTrade({ status: "hold", game: "730", type: "deposit" });
    const atHold = engine.walletBalance();
    expect(atHold.balance - start.balance).toBeCloseTo(deposit.preCredit ?? Number.NaN, 2);
    expect(atHold.escrowBalance - start.escrowBalance).toBeCloseTo(deposit.pendingCredit ?? Number.NaN, 2);
    engine.setTradeStatus(deposit.id, "completed");
    const settled = engine.walletBalance();
    expect(settled.balance - start.balance).toBeCloseTo(deposit.totalPrice, 2);
    expect(settled.escrowBalance).toBeCloseTo(start.escrowBalance, 2);

    const withdraw = engine.createControlTrade({ status: "active", type: "withdraw" });
    expect(engine.walletBalance().pendingBalance - settled.pendingBalance).toBeCloseTo(withdraw.totalPrice, 2);
    engine.setTradeStatus(withdraw.id, "failed");
    expect(engine.walletBalance().balance).toBeCloseTo(settled.balance, 2);
  });
});
