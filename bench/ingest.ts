// Node ingest benchmark: parse + apply of 200,000 `trade` events over 20,000 trades through
// the browser's real path: the parsing edge (`parseSocketEvent`, given the store's held-items lookup,
// as the live session does per socket message) and the store (`createOpsStore().ingest`, the call the
// event batcher makes), in batches the size a busy tab hands over per animation frame. Prints figures;
// asserts nothing on time.
//
// Only parse + ingest is timed (and, in the second figure, JSON.parse of the frame too, as
// socket.io-client does it). Every frame's JSON text is built once before any timing: building frames
// is the bench's work, not the app's, and its garbage would otherwise be collected inside the timed
// calls (it cost a tenth of the figure). CPU time is reported beside wall
// time because on a shared 2-core machine wall time mostly measures the neighbours.
import { parseSocketEvent } from "@/lib/live/parse-socket-event";
import type { OpsEvent } from "@/lib/store/ingest";
import { createOpsStore } from "@/lib/store/ops-store";
import { heldItemsLookup } from "@/lib/store/selectors";
import { buildIngestWorkload, type IngestWorkload } from "./ingest-workload";

export interface IngestFigures {
  label: string;
  events: number;
  trades: number;
  batch: number;
  wallMs: number;
  cpuMs: number;
  eventsPerSecWall: number;
  eventsPerSecCpu: number;
  /** What the store ended with: must be every trade, none malformed, none stale. */
  stored: number;
  malformed: number;
  stale: number;
}

interface RunOptions {
  batch: number;
  /** Include JSON.parse of each frame in the timed part. */
  timeJsonParse: boolean;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function runOnce(w: IngestWorkload, frames: readonly string[], o: RunOptions, label: string): IngestFigures {
  const store = createOpsStore({ now: Date.parse("2026-05-01T10:00:00.000Z") });
  const ingest = store.getState().ingest;
  const heldItems = heldItemsLookup(store.getState);
  let wall = 0;
  let cpu = 0;
  for (let start = 0; start < w.events; start += o.batch) {
    const end = Math.min(w.events, start + o.batch);
    const payloads: unknown[] = [];
    const parseFrames = () => {
      for (let i = start; i < end; i += 1) payloads.push(JSON.parse(frames[i] ?? "") as unknown);
    };
    if (!o.timeJsonParse) parseFrames();
    const c0 = cpuMs();
    const t0 = performance.now();
    if (o.timeJsonParse) parseFrames();
    const ready: OpsEvent[] = [];
    for (let k = 0; k < payloads.length; k += 1) ready.push(parseSocketEvent("trade", payloads[k], start + k, heldItems));
    ingest(ready);
    wall += performance.now() - t0;
    cpu += cpuMs() - c0;
  }
  const s = store.getState();
  return {
    label,
    events: w.events,
    trades: w.trades,
    batch: o.batch,
    wallMs: wall,
    cpuMs: cpu,
    eventsPerSecWall: Math.round((w.events / wall) * 1000),
    eventsPerSecCpu: Math.round((w.events / cpu) * 1000),
    stored: s.trades.size,
    malformed: s.diagnostics.malformedIgnored,
    stale: s.diagnostics.staleIgnored,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Best-of is not reported: the median of `runs` after one warm-up run, per configuration. */
export function runIngestBench(options: { trades?: number; runs?: number; log?: (line: string) => void } = {}): IngestFigures[] {
  const log = options.log ?? console.log;
  const runs = options.runs ?? 3;
  const w = buildIngestWorkload(options.trades ?? 20_000);
  const frames = Array.from({ length: w.events }, (_, i) => w.frame(i));
  log(`ingest: ${w.events.toLocaleString("en")} trade events over ${w.trades.toLocaleString("en")} trades, mean frame ${w.meanFrameBytes} B`);
  const configs: (RunOptions & { label: string })[] = [
    { label: "ingest (parse + apply), batches of 64", batch: 64, timeJsonParse: false },
    { label: "JSON.parse + ingest, batches of 64", batch: 64, timeJsonParse: true },
    { label: "ingest (parse + apply), batches of 1,000", batch: 1000, timeJsonParse: false },
  ];
  const out: IngestFigures[] = [];
  for (const config of configs) {
    runOnce(w, frames, config, "warm-up");
    const results = Array.from({ length: runs }, () => runOnce(w, frames, config, config.label));
    const pick = results.find((r) => r.eventsPerSecCpu === median(results.map((x) => x.eventsPerSecCpu))) ?? results[0];
    if (!pick) continue;
    out.push(pick);
    log(
      `  ${pick.label}: ${pick.eventsPerSecWall.toLocaleString("en")} events/s wall, ${pick.eventsPerSecCpu.toLocaleString("en")} events/s CPU ` +
        `(median of ${runs}; ${pick.wallMs.toFixed(0)} ms wall; stored ${pick.stored}, malformed ${pick.malformed}, stale ${pick.stale})`,
    );
  }
  return out;
}

if (require.main === module) runIngestBench();
