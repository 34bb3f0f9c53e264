// The ground-truth and control API (/__sim): emission gaps that only REST can close, repeatable
// seeds, injected bad events, fixture trades, and the SIM_CONTROL=off switch.

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "./server";
import { api, connectSocket, control, sleep, startTestSim, waitFor, type TestSocket } from "./testing/helpers";
import { tradeSchema } from "./testing/wire-schemas";

let sim: RunningSimulator;
let listener: TestSocket;
beforeAll(async () => {
  sim = await startTestSim({ seed: "control-suite", initialTrades: 30 });
  listener = connectSocket(sim, { apiKey: sim.apiKey });
  expect(await listener.connected).toBe(true);
});
afterEach(async () => {
  await control(sim, "emission/resume");
});
afterAll(async () => {
  listener.close();
  await sim.close();
});

const tradeEventsFor = (id: string) => listener.events.filter((e) => e.event === "trade" && e.payload.trade?.id === id);

describe("emission pause (a gap in the feed)", () => {
  it("changes made while paused reach no socket, are not replayed on resume, and batch GET shows them", async () => {
    const a = await control(sim, "trades", { status: "active" });
    const b = await control(sim, "trades", { status: "hold" });
    const c = await control(sim, "trades", { status: "pending", type: "withdraw" });
    await waitFor(() => [a, b, c].every((t) => tradeEventsFor(t.id).length === 1), 10_000, "creation events");

    expect((await control(sim, "emission/pause")).paused).toBe(true);
    await sleep(200); // let anything emitted just before the pause arrive first
    const eventsAtPause = listener.events.length;
    await control(sim, `trades/${a.id}/status`, { status: "declined" });
    await control(sim, `trades/${b.id}/status`, { status: "completed" });
    const during = await control(sim, "trades", { status: "active", externalId: "ord_gap_1" });
    // And one the engine moves on its own: a withdrawal leaves `initiated` within ~30 simulated s.
    const moving = await control(sim, "trades", { status: "initiated", type: "withdraw", stall: false });
    const moved = await waitFor(async () => {
      const t = (await api(sim, `/secure/trades/${moving.id}`)).body.data;
      return t.status !== "initiated" ? t : undefined;
    }, 10_000, "engine to advance the trade");
    await sleep(200);
    expect(listener.events.length).toBe(eventsAtPause);

    const batch = await api(sim, `/secure/trades/${a.id},${b.id},${c.id},ord_gap_1,${moving.id}`);
    expect(batch.status).toBe(200);
    const byId = new Map(batch.body.data.map((t: { id: string; status: string }) => [t.id, t.status]));
    expect(byId.get(a.id)).toBe("declined");
    expect(byId.get(b.id)).toBe("completed");
    expect(byId.get(c.id)).toBe("pending");
    expect(byId.get(during.id)).toBe("active");
    expect(byId.get(moving.id)).toBe(moved.status);

    const state = (await api(sim, "/__sim/state")).body.data;
    expect(state.paused).toBe(true);
    expect(state.counts.suppressed).toBeGreaterThanOrEqual(5);

    await control(sim, "emission/resume");
    const after = await control(sim, "trades", { status: "active" });
    await waitFor(() => tradeEventsFor(after.id).length === 1, 10_000, "post-resume event");
    await sleep(200);
    expect(tradeEventsFor(a.id).map((e) => e.payload.trade.status)).toEqual(["active"]);
    expect(tradeEventsFor(b.id).map((e) => e.payload.trade.status)).toEqual(["hold"]);
    expect(tradeEventsFor(during.id)).toEqual([]);
  });
});

describe("fixture trades", () => {
  it("POST /__sim/trades builds a trade in the requested status, backdated by ageSeconds, and emits it", async () => {
    const before = Date.now();
    const trade = tradeSchema.parse(
      await control(sim, "trades", {
        status: "hold",
        game: "730",
        type: "deposit",
        ageSeconds: 3600,
        externalId: "ord_fixture_1",
        steamId: "76561198099999999",
        itemName: "AWP | Asiimov (Battle-Scarred)",
      }),
    );
    expect(trade).toMatchObject({ status: "hold", game: "730", type: "deposit", externalId: "ord_fixture_1", clientSteamID: "76561198099999999" });
    expect(trade.items.map((i) => i.name)).toEqual(["AWP | Asiimov (Battle-Scarred)"]);
    const entered = Date.parse(trade.updatedAt);
    expect(entered).toBeGreaterThanOrEqual(before - 3_600_000 - 1000);
    expect(entered).toBeLessThanOrEqual(Date.now() - 3_600_000 + 1000);
    expect(Date.parse(trade.activeAt ?? "")).toBeLessThan(entered);
    expect(trade.offerID).toBeDefined();
    expect(trade.holdEndDate).toBeDefined();
    await waitFor(() => tradeEventsFor(trade.id).length === 1, 10_000, "fixture event");

    // Stalled by default: it is listed as stalled and does not move.
    const state = (await api(sim, `/__sim/state?ids=${trade.id}`)).body.data;
    expect(state.trades).toHaveLength(1);
    expect(state.stalledIds).toEqual([trade.id]);

    const dup = await api(sim, "/__sim/trades", { body: { status: "active", externalId: "ord_fixture_1" } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.key).toBe("EXTERNAL_ID_EXISTS");
  });

  it("POST /__sim/trades sets instant credit, who reverted a trade and when a hold ends", async () => {
    const before = Date.now();
    const held = await control(sim, "trades", { status: "hold", instant: true, holdEndsInSeconds: 2 * 86_400 });
    expect(held.isInstant).toBe(true);
    expect(held.preCredit).toBeGreaterThan(0);
    expect(Date.parse(held.holdEndDate) - before).toBeGreaterThanOrEqual(2 * 86_400_000 - 1_000);
    expect(Date.parse(held.holdEndDate) - before).toBeLessThan(2 * 86_400_000 + 60_000);
    const standard = await control(sim, "trades", { status: "hold", instant: false, game: "730" });
    expect(standard.isInstant).toBe(false);
    expect(standard.preCredit).toBe(0);
    const rustHold = await control(sim, "trades", { status: "hold", game: "252490", holdEndsInSeconds: -60 });
    expect(Date.parse(rustHold.holdEndDate)).toBeLessThan(Date.now());
    const bySupplier = await control(sim, "trades", { status: "reverted", revertedBy: "supplier", ageSeconds: 3_600 });
    expect(bySupplier.revertedBy).toBe("supplier");
    expect(Date.parse(bySupplier.updatedAt)).toBeLessThanOrEqual(Date.now() - 3_600_000 + 1_000);
    expect((await control(sim, "trades", { status: "reverted" })).revertedBy).toBe("user");
    const bad = await api(sim, "/__sim/trades", { body: { status: "reverted", revertedBy: "bot" } });
    expect(bad.status).toBe(422);
  });

  it("POST /__sim/trades/{id}/status moves a trade and fills in status fields", async () => {
    const trade = await control(sim, "trades", { status: "hold" });
    const reverted = await control(sim, `trades/${trade.id}/status`, { status: "reverted" });
    expect(reverted.status).toBe("reverted");
    expect(reverted.revertedBy).toMatch(/^(user|supplier)$/);
    const failed = await control(sim, `trades/${trade.id}/status`, { status: "failed" });
    expect(failed.error).toBeDefined();
    const unknown = await api(sim, "/__sim/trades/nope/status", { body: { status: "active" } });
    expect(unknown.status).toBe(404);
    const invalid = await api(sim, `/__sim/trades/${trade.id}/status`, { body: { status: "teleported" } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.fields).toHaveProperty("status");
  });

  it("POST /__sim/trades/{id}/forget makes AssetPay forget a trade: single GET 404, batch GET drops it", async () => {
    const kept = await control(sim, "trades", { status: "active" });
    const gone = await control(sim, "trades", { status: "active", externalId: "ord_forgotten_1" });
    expect((await control(sim, `trades/${gone.id}/forget`)).forgotten.id).toBe(gone.id);

    for (const ref of [gone.id, "ord_forgotten_1"]) {
      const single = await api(sim, `/secure/trades/${ref}`);
      expect(single.status).toBe(404);
      expect(single.body.error.key).toBe("TRADE_NOT_FOUND");
    }
    const batch = await api(sim, `/secure/trades/${kept.id},${gone.id}`);
    expect(batch.body.data.map((t: { id: string }) => t.id)).toEqual([kept.id]);
    expect((await api(sim, `/__sim/state?ids=${gone.id}`)).body.data.trades).toEqual([]);
    expect((await api(sim, `/__sim/trades/${gone.id}/forget`, { body: {} })).status).toBe(404);
  });

  it("GET /__sim/state filters by game, status and ids", async () => {
    const rust = await control(sim, "trades", { status: "completed", game: "252490" });
    const byGame = (await api(sim, "/__sim/state?game=252490")).body.data;
    expect(byGame.trades.every((t: { game: string }) => t.game === "252490")).toBe(true);
    expect(byGame.trades.map((t: { id: string }) => t.id)).toContain(rust.id);
    const byStatus = (await api(sim, "/__sim/state?status=completed,hold")).body.data;
    expect(byStatus.trades.length).toBeGreaterThan(0);
    expect(byStatus.trades.every((t: { status: string }) => t.status === "completed" || t.status === "hold")).toBe(true);
    expect(byStatus.counts.trades).toBeGreaterThan(byStatus.trades.length);
    const newest = (await api(sim, "/__sim/state?limit=1")).body.data;
    expect(newest.trades.map((t: { id: string }) => t.id)).toEqual([rust.id]);
    const funding = await control(sim, "funding", { kind: "deposit", status: "PENDING" });
    const byIds = (await api(sim, `/__sim/state?ids=${funding.id},${rust.externalId}`)).body.data;
    expect(byIds.trades.map((t: { id: string }) => t.id)).toEqual([rust.id]);
    expect(byIds.deposits.map((f: { id: string }) => f.id)).toEqual([funding.id]);
    expect(byIds.withdrawals).toEqual([]);
  });

  it("POST /__sim/funding creates a deposit or withdrawal now and emits it", async () => {
    const funding = await control(sim, "funding", { kind: "withdrawal", status: "APPROVED" });
    expect(funding.status).toBe("APPROVED");
    await waitFor(() => listener.events.some((e) => e.event === "withdrawal" && e.payload.funding.id === funding.id), 10_000, "withdrawal event");
    const state = (await api(sim, "/__sim/state")).body.data;
    expect(state.withdrawals.map((f: { id: string }) => f.id)).toContain(funding.id);
  });

  it("POST /__sim/funding back-dates a fixture by ageSeconds: a withdrawal awaiting admin for an hour", async () => {
    const before = Date.now();
    const funding = await control(sim, "funding", { kind: "withdrawal", status: "PENDING_ADMIN", ageSeconds: 3600 });
    expect(funding.status).toBe("PENDING_ADMIN");
    const reached = Date.parse(funding.updatedAt);
    expect(reached).toBeGreaterThanOrEqual(before - 3_600_000 - 1000);
    expect(reached).toBeLessThanOrEqual(Date.now() - 3_600_000 + 1000);
    expect(Date.parse(funding.createdAt)).toBeLessThan(reached);
    await waitFor(() => listener.events.some((e) => e.event === "withdrawal" && e.payload.funding.id === funding.id), 10_000, "withdrawal event");
    const state = (await api(sim, `/__sim/state?ids=${funding.id}`)).body.data;
    expect(state.withdrawals.map((f: { status: string; updatedAt: string }) => [f.status, f.updatedAt])).toEqual([["PENDING_ADMIN", funding.updatedAt]]);
    expect((await api(sim, "/__sim/funding", { body: { kind: "withdrawal", status: "PENDING_ADMIN", ageSeconds: -1 } })).status).toBe(422);
  });

  it("POST /__sim/rate changes how many trades are generated per second", async () => {
    const start = (await api(sim, "/__sim/state")).body.data.counts.trades;
    expect((await control(sim, "rate", { rate: 50 })).rate).toBe(50);
    await waitFor(async () => (await api(sim, "/__sim/state")).body.data.counts.trades >= start + 20, 10_000, "new trades");
    await control(sim, "rate", { rate: 0 });
    expect((await api(sim, "/__sim/state")).body.data.rate).toBe(0);
  });
});

describe("injected events", () => {
  it("malformed: emits a payload that is not a valid trade", async () => {
    const result = await control(sim, "inject", { kind: "malformed" });
    expect(result).toEqual({ emitted: true, event: "trade", payload: { trade: { id: 42 } } });
    await waitFor(() => listener.events.some((e) => e.event === "trade" && e.payload.trade?.id === 42), 10_000, "malformed event");
    const custom = await control(sim, "inject", { kind: "malformed", event: "deposit", payload: "garbage" });
    expect(custom.payload).toBe("garbage");
    await waitFor(() => listener.events.some((e) => e.event === "deposit" && e.payload === "garbage"), 10_000, "string payload");
  });

  it("unknown-status: re-emits a real trade with an undocumented status without touching ground truth", async () => {
    const trade = await control(sim, "trades", { status: "active" });
    const result = await control(sim, "inject", { kind: "unknown-status", id: trade.id });
    expect(result.payload.trade.id).toBe(trade.id);
    expect(result.payload.trade.status).toBe("teleported");
    expect((await api(sim, `/secure/trades/${trade.id}`)).body.data.status).toBe("active");
    await waitFor(() => tradeEventsFor(trade.id).some((e) => e.payload.trade.status === "teleported"), 10_000, "teleported event");
  });

  it("duplicate: re-emits the latest version unchanged", async () => {
    const trade = await control(sim, "trades", { status: "hold" });
    const result = await control(sim, "inject", { kind: "duplicate", id: trade.id });
    expect(result.payload.trade).toEqual(trade);
    await waitFor(() => tradeEventsFor(trade.id).length === 2, 10_000, "duplicate event");
    const [first, second] = tradeEventsFor(trade.id);
    expect(second?.payload).toEqual(first?.payload);
  });

  it("out-of-order: emits an older version of a trade that has since advanced", async () => {
    const trade = await control(sim, "trades", { status: "active" });
    const moved = await control(sim, `trades/${trade.id}/status`, { status: "hold" });
    const result = await control(sim, "inject", { kind: "out-of-order", id: trade.externalId });
    const older = result.payload.trade;
    expect(older.id).toBe(trade.id);
    expect(older.status).toBe("active");
    expect(older.updatedAt < moved.updatedAt).toBe(true);
  });

  it("an unknown id is a 404", async () => {
    const result = await api(sim, "/__sim/inject", { body: { kind: "duplicate", id: "no-such-trade" } });
    expect(result.status).toBe(404);
  });

  it("while paused an injection is not emitted either", async () => {
    await control(sim, "emission/pause");
    const count = listener.events.length;
    const result = await control(sim, "inject", { kind: "malformed" });
    expect(result.emitted).toBe(false);
    await sleep(200);
    expect(listener.events.length).toBe(count);
  });
});

describe("repeatability", () => {
  async function tradesAfterRun(seed: string): Promise<unknown[]> {
    let now = Date.UTC(2026, 4, 20, 12, 0, 0);
    const clock = { now: () => now };
    const run = await startTestSim({ seed, clock, initialTrades: 150, rate: 20, speed: 600 });
    try {
      // Advance the injected clock in steps; whoever ticks (us or the engine's timer) sees the same times.
      for (let i = 0; i < 10; i++) {
        now += 1000;
        while (run.engine.tick());
      }
      return (await api(run, "/__sim/state")).body.data.trades;
    } finally {
      await run.close();
    }
  }

  it("the same seed gives the same trades in the same order; another seed does not", async () => {
    const first = await tradesAfterRun("repeat-me");
    const second = await tradesAfterRun("repeat-me");
    const other = await tradesAfterRun("something-else");
    expect(first.length).toBeGreaterThan(150 + 150); // history plus ten seconds of arrivals at 20/s
    expect(second).toEqual(first);
    expect(other).not.toEqual(first);
    const ids = (list: unknown[]) => list.map((t) => (t as { id: string }).id);
    expect(ids(other).filter((id) => ids(first).includes(id))).toEqual([]);
  });
});

describe("SIM_CONTROL=off", () => {
  it("answers every /__sim route with 404 NOT_FOUND while the AssetPay API keeps working", async () => {
    const closed = await startTestSim({ control: false });
    try {
      for (const [method, path] of [["GET", "/__sim/state"], ["POST", "/__sim/emission/pause"], ["POST", "/__sim/trades"], ["POST", "/__sim/tokens/expire"]] as const) {
        const result = await api(closed, path, { method, ...(method === "POST" ? { body: {} } : {}) });
        expect(result.status, path).toBe(404);
        expect(result.body.error.key).toBe("NOT_FOUND");
      }
      expect((await api(closed, "/v1/wallets/me/balance")).status).toBe(200);
    } finally {
      await closed.close();
    }
  });

  it("the control API needs the api-key too", async () => {
    expect((await api(sim, "/__sim/state", { apiKey: null })).body.error.key).toBe("MISSING_API_KEY");
    expect((await api(sim, "/__sim/emission/pause", { method: "POST", apiKey: "ap_wrong_000000" })).body.error.key).toBe("INVALID_API_KEY");
    expect((await api(sim, "/__sim/state")).body.data.paused).toBe(false);
  });
});
