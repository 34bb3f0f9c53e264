// Matches each probe change the bench made to the paint the page recorded for it: latency is painted
// minus the event's updatedAt (the simulator's clock at emission), split where the page's socket
// message arrived and where the row reached the DOM.
import type { SocketObserver } from "@/bench/socket-observer";
import type { ProbeResult } from "./instrument";

/** One probe change the bench made through the control API. */
export interface Sample {
  id: string;
  status: string;
  eventAt: number;
  /** The event's updatedAt as the simulator sent it (the observer's key). */
  updatedAt: string;
}

/** One probe change matched to its paint, in ms after the event (BENCH_SAMPLES_DIR writes these). */
export interface ProbeTiming {
  /** When the simulator stamped the event (epoch ms). */
  eventAt: number;
  /** Event → painted. */
  latency: number;
  /** Event → its socket message in the page; null when the page did not see the message. */
  transit: number | null;
  /** Event → the same message at the bench's own socket (BENCH_OBSERVER=1); null otherwise. */
  observed: number | null;
  /** Event → the row showing it in the DOM. */
  toDom: number;
}

/**
 * How far a paint may seem to precede its event. The page stamps paints with Chromium's Date.now()
 * and the simulator stamps events with Node's; the two were seen to disagree by a few ms, enough for
 * a 25 ms paint to look early, fail the match and take the probe's next-but-one paint instead (a false
 * "7.2 s" and a false "unmatched"). The same probe shows the same status again only ~7 s later.
 */
const CLOCK_SKEW_TOLERANCE_MS = 1_000;

/** Each sample's first unused paint of that probe in that status; samples with none are unmatched. */
export function matchProbes(
  samples: readonly Sample[],
  results: readonly ProbeResult[],
  observer: SocketObserver | null | undefined,
): { matched: ProbeTiming[]; unmatched: Sample[] } {
  const used = new Set<number>();
  const unmatched: Sample[] = [];
  const matched: ProbeTiming[] = [];
  for (const sample of samples) {
    const index = results.findIndex((r, i) => !used.has(i) && r.id === sample.id && r.status === sample.status && r.paintedAt >= sample.eventAt - CLOCK_SKEW_TOLERANCE_MS);
    if (index < 0) {
      unmatched.push(sample);
      continue;
    }
    used.add(index);
    const result = results[index];
    const latency = (result?.paintedAt ?? 0) - sample.eventAt;
    const transit = result?.arrivedAt == null ? null : result.arrivedAt - sample.eventAt;
    const observedAt = observer?.arrivedAt(sample.id, sample.updatedAt);
    const observed = observedAt === undefined ? null : observedAt - sample.eventAt;
    matched.push({ eventAt: sample.eventAt, latency, transit, observed, toDom: (result?.mutatedAt ?? 0) - sample.eventAt });
  }
  return { matched, unmatched };
}
