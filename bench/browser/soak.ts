// The soak: the default view at 200 events/s for some minutes, the JS heap read after GC along the
// way (a leak shows as heap per trade held growing), and one latency phase at the end.
import { heapMB } from "@/bench/cdp-metrics";
import type { BoardSession } from "./board-session";
import type { PhaseFigures, SoakFigures } from "./figures";
import { settle, socketEvents, tradesHeld } from "./page";
import { measurePhase } from "./phase";
import { setEventRate, sleep } from "./sim-control";

const SOAK_RATE = 200;

export interface SoakOptions {
  minutes: number;
  /** Minutes at `warmupRate` before the first reading (0: none). */
  warmupMinutes: number;
  warmupRate: number;
}

export async function runSoak(session: BoardSession, o: SoakOptions): Promise<SoakFigures & { latency: PhaseFigures }> {
  const { page, cdp, search, control, probes, eventsPerTrade, label, log } = session;
  await search.fill("");
  await settle(page, 60_000);
  if (o.warmupMinutes > 0) {
    // The preloaded trades were created straight into their status (one history entry each); trades
    // the simulator runs through their lifecycle carry three to five. Until the retention cap has
    // replaced the preload, the heap grows with that turnover, not with a leak. A warm-up (faster
    // than the soak's own rate, to turn the 100,000 over in minutes) keeps that out of the readings.
    const rate = o.warmupRate;
    log(`  soak warm-up: ${o.warmupMinutes} min at ${rate.toLocaleString("en")} ev/s before the first reading`);
    await setEventRate(control, rate, eventsPerTrade);
    await sleep(o.warmupMinutes * 60_000);
    await setEventRate(control, SOAK_RATE, eventsPerTrade);
    await settle(page, 120_000);
  } else {
    await setEventRate(control, SOAK_RATE, eventsPerTrade);
  }
  const heap: SoakFigures["heapMB"] = [];
  const reading = async (atMinute: number) => {
    const mb = await heapMB(cdp);
    const held = await tradesHeld(page);
    heap.push({ atMinute, mb, tradesHeld: held });
    // Trades in flight are never evicted, so "held" can grow while the simulator leaves some stuck:
    // heap per trade held separates that growth from a leak.
    return `heap ${mb.toFixed(0)} MB, ${held.toLocaleString("en")} trades held (${((mb * 1024) / held).toFixed(2)} KB a trade), ${(await socketEvents(page)).toLocaleString("en")} events so far`;
  };
  log(`  soak: ${o.minutes} min at ${SOAK_RATE} ev/s (default view); after GC at start: ${await reading(0)}`);
  const every = Math.max(1, Math.round(o.minutes / 6));
  for (let minute = 1; minute <= o.minutes; minute += 1) {
    await sleep(60_000);
    if (minute % every === 0 || minute === o.minutes || minute === Math.round(o.minutes / 2)) {
      log(`    minute ${minute}: ${await reading(minute)}`);
    }
  }
  const latency = await measurePhase(page, control, probes, eventsPerTrade, { impl: "board", view: `${label}, default view, end of soak`, targetRate: SOAK_RATE, seconds: 15, probeEveryMs: 200, drainMs: 5_000, cdp }, log);
  return { minutes: o.minutes, rate: SOAK_RATE, heapMB: heap, latency };
}
