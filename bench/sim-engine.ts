// The simulator engine's own throughput on a manual clock (no timers, sockets or HTTP): how many
// socket events a second it can produce, the ceiling under the browser benchmark's event rates.
// Prints figures; asserts nothing on time (sim/engine/engine.test.ts checks what it produces).
import { Engine } from "@/sim/engine/engine";

export interface SimEngineFigures {
  /** New trades per (simulated) second. */
  rate: number;
  events: number;
  trades: number;
  wallMs: number;
  cpuMs: number;
  eventsPerSecWall: number;
  eventsPerSecCpu: number;
}

/** Simulated time each rate runs for, in ticks of TICK_MS (the unit test's setup: speed 3600). */
const SIMULATED_MS = 5_000;
const TICK_MS = 100;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function runOnce(rate: number): SimEngineFigures {
  let now = Date.UTC(2026, 4, 20, 12, 0, 0);
  const engine = new Engine({
    merchantId: "mrc_bench",
    seed: "bench-sim-engine",
    speed: 3600,
    rate,
    initialTrades: 0,
    maxTerminalTrades: 1_000_000,
    clock: { now: () => now },
  });
  let events = 0;
  engine.onEmission(() => {
    events += 1;
  });
  const wallStart = performance.now();
  const cpuStart = cpuMs();
  for (let t = 0; t < SIMULATED_MS; t += TICK_MS) {
    now += TICK_MS;
    while (engine.tick());
  }
  const wallMs = performance.now() - wallStart;
  const cpu = cpuMs() - cpuStart;
  engine.stop();
  return { rate, events, trades: engine.tradeCount(), wallMs, cpuMs: cpu, eventsPerSecWall: (events / wallMs) * 1000, eventsPerSecCpu: (events / cpu) * 1000 };
}

export function runSimEngineBench(options: { log?: (line: string) => void; rates?: number[] } = {}): SimEngineFigures[] {
  const log = options.log ?? console.log;
  const figures: SimEngineFigures[] = [];
  for (const rate of options.rates ?? [1_000, 4_000]) {
    const f = runOnce(rate);
    figures.push(f);
    log(
      `  engine @ ${rate.toLocaleString("en")} new trades/s: ${f.events.toLocaleString("en")} events over ${f.trades.toLocaleString("en")} trades in ` +
        `${f.wallMs.toFixed(0)} ms wall / ${f.cpuMs.toFixed(0)} ms CPU: ${Math.round(f.eventsPerSecWall).toLocaleString("en")} events/s wall, ` +
        `${Math.round(f.eventsPerSecCpu).toLocaleString("en")} events/s CPU`,
    );
  }
  return figures;
}

if (require.main === module) runSimEngineBench();
