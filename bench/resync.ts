// Resync benchmark: a tab that held 10,000 in-flight trades reconnects and re-reads them all
// through the real path — browser-side `fetchResync` (lib/live) → POST /api/assetpay/resync on the built
// dashboard → AssetPay REST (the simulator), 100 refs per call, rate-limited pool → parsed with lib/wire
// in the "browser" (this Node process) → applied to the store. While "disconnected", 1,000 of the
// trades moved on the simulator, so the resync has real changes to find.
import { parseSocketEvent } from "@/lib/live/parse-socket-event";
import { fetchResync } from "@/lib/live/resync-client";
import { createOpsStore } from "@/lib/store/ops-store";
import { ms, pool, serverProfileOptions, signInOverHttp, startStack } from "./support";
import { simRequestTo, type SimTarget } from "@/e2e/support/sim-control";

export interface ResyncFigures {
  trades: number;
  wallMs: number;
  routeMs: number;
  parseMs: number;
  applyMs: number;
  requests: number;
  rateLimited: number;
  refreshed: number;
  changed: number;
  error: string | null;
}

const IN_FLIGHT = ["initiated", "pending", "active", "hold"] as const;
/** Moves that keep a trade in flight, so every run resyncs the same 10,000. */
const NEXT: Record<string, string> = { initiated: "pending", pending: "active", active: "hold" };

interface WireTrade {
  id: string;
  status: string;
}

export async function runResyncBench(options: { trades?: number; runs?: number; log?: (line: string) => void } = {}): Promise<ResyncFigures[]> {
  const count = options.trades ?? 10_000;
  const runs = options.runs ?? 3;
  const log = options.log ?? console.log;
  // BENCH_PROFILE_DIR=dir also writes the dashboard server's CPU profile there.
  const stack = await startStack("resync", { apps: [{ label: "app", ...serverProfileOptions() }] });
  const out: ResyncFigures[] = [];
  try {
    const sim: SimTarget = stack.sim;
    const app = stack.apps[0];
    if (!app) throw new Error("no app");
    const created = await pool(Array.from({ length: count }, (_, i) => i), 16, (i) =>
      simRequestTo<WireTrade>(sim, "POST", "/__sim/trades", { status: IN_FLIGHT[i % IN_FLIGHT.length], game: i % 3 ? "730" : "252490", stall: true }),
    );
    const ids = created.map((t) => t.id);
    const cookie = await signInOverHttp(app.url, stack.staff);
    let captured: Promise<{ requests: number; rateLimited: number; routeMs: number }> = Promise.resolve({ requests: 0, rateLimited: 0, routeMs: 0 });
    const fetchImpl = async (tradeIds: string[]): Promise<Response> => {
      const t0 = performance.now();
      const response = await fetch(`${app.url}/api/assetpay/resync`, {
        method: "POST",
        headers: { cookie, origin: app.url, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ tradeIds }),
      });
      // fetchResync reads the body as the browser would; a tee'd copy gives the counters at its end
      // (their cost is inside the measured time, so the figure errs on the slow side).
      captured = response
        .clone()
        .text()
        .then((text) => {
          const tail = text.slice(-400);
          return {
            requests: Number(/"requests":(\d+)/.exec(tail)?.[1] ?? 0),
            rateLimited: Number(/"rateLimited":(\d+)/.exec(tail)?.[1] ?? 0),
            routeMs: performance.now() - t0,
          };
        });
      return response;
    };
    for (let run = 0; run <= runs; run += 1) {
      // The tab's state before the disconnect: every trade as the simulator had it, now unverified.
      const before = await simRequestTo<{ trades: unknown[] }>(sim, "GET", `/__sim/state?limit=${count}`);
      const store = createOpsStore();
      store.getState().ingest(before.trades.map((trade) => parseSocketEvent("trade", { trade }, Date.now())));
      store.getState().markUnverified();
      // While disconnected, 1,000 trades move on.
      const current = new Map((before.trades as WireTrade[]).map((t) => [t.id, t.status]));
      const movable = ids.filter((id) => NEXT[current.get(id) ?? ""] !== undefined);
      const moved = movable.slice((run * 1000) % Math.max(1, movable.length - 1000)).slice(0, 1000);
      await pool(moved, 16, (id) => simRequestTo(sim, "POST", `/__sim/trades/${id}/status`, { status: NEXT[current.get(id) ?? ""] ?? "hold", stall: true }));
      const heldInFlight = [...store.getState().trades.values()].filter((r) => !r.verified).map((r) => r.trade.id);

      const t0 = performance.now();
      const result = await fetchResync(heldInFlight, Date.now, fetchImpl);
      const t1 = performance.now();
      store.getState().applyResync(result);
      const wallMs = performance.now() - t0;
      const { requests, rateLimited, routeMs } = await captured;
      const last = store.getState().diagnostics.lastResync;
      const figures: ResyncFigures = {
        trades: heldInFlight.length,
        wallMs,
        routeMs,
        parseMs: t1 - t0 - routeMs,
        applyMs: performance.now() - t1,
        requests,
        rateLimited,
        refreshed: last?.tradesRefreshed ?? 0,
        changed: last?.changed ?? 0,
        error: result.error ?? null,
      };
      if (run === 0) continue; // warm-up: route compilation, JIT
      out.push(figures);
      log(
        `  resync of ${figures.trades.toLocaleString("en")} in-flight trades: ${ms(wallMs)} wall (route round trip ${ms(routeMs)}, JSON + parse ${ms(figures.parseMs)}, apply ${ms(figures.applyMs)}); ` +
          `${figures.requests} AssetPay requests (${figures.rateLimited} rate-limited); ${figures.refreshed} refreshed, ${figures.changed} changed${figures.error ? `; error: ${figures.error}` : ""}`,
      );
    }
  } finally {
    await stack.stop();
  }
  return out;
}

if (require.main === module) void runResyncBench();
