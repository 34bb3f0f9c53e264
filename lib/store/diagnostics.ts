// Reducers for the diagnostics counters shown in the Diagnostics panel. Pure: each returns new objects.
// unknownStatuses is a null-prototype object so a hostile "__proto__" status is stored as a plain key.
import { type Diagnostics, MAX_MALFORMED_REASONS, type RateBucket } from "./state";

/** Distinct unknown statuses tracked; beyond this they are lumped together so hostile input cannot grow it. */
const MAX_UNKNOWN_KEYS = 50;
const OTHER_KEY = "(other)";
/** Seconds of history kept for the events/s figure. */
export const RATE_WINDOW_SECONDS = 10;

export interface EventTally {
  received: number;
  malformedReasons: readonly string[];
  unknownStatuses: readonly string[];
  legacy: number;
  current: number;
  /** receivedAt of every event in the batch (used for lastEventAt and the rate buckets). */
  receivedAt: readonly number[];
}

function addUnknown(prev: Readonly<Record<string, number>>, statuses: readonly string[]): Readonly<Record<string, number>> {
  if (statuses.length === 0) return prev;
  const next = Object.assign(Object.create(null) as Record<string, number>, prev);
  for (const status of statuses) {
    const known = Object.prototype.hasOwnProperty.call(next, status);
    const key = known || Object.keys(next).length < MAX_UNKNOWN_KEYS ? status : OTHER_KEY;
    next[key] = (next[key] ?? 0) + 1;
  }
  return next;
}

function addRate(prev: readonly RateBucket[], times: readonly number[]): readonly RateBucket[] {
  if (times.length === 0) return prev;
  const buckets = new Map<number, number>(prev.map((b) => [b.second, b.count]));
  let newest = Number.NEGATIVE_INFINITY;
  for (const t of times) {
    const second = Math.floor(t / 1000);
    buckets.set(second, (buckets.get(second) ?? 0) + 1);
    if (second > newest) newest = second;
  }
  for (const b of prev) if (b.second > newest) newest = b.second;
  const out: RateBucket[] = [];
  for (const [second, count] of buckets) if (second > newest - RATE_WINDOW_SECONDS) out.push({ second, count });
  return out.sort((a, b) => a.second - b.second);
}

/** Weight of the newest gap in the smoothed mean: about the last 20 events count. */
const GAP_SMOOTHING = 0.1;

/**
 * The smoothed gap between events, so the connection banner can tell a feed that is quiet for longer
 * than usual from one that is always slow. Gaps are measured in arrival order from the previous event.
 */
function addGaps(prevMean: number | null, prevLast: number | null, times: readonly number[]): number | null {
  let mean = prevMean;
  let last = prevLast;
  for (const t of [...times].sort((a, b) => a - b)) {
    if (last !== null) {
      const gap = Math.max(0, t - last);
      mean = mean === null ? gap : mean + GAP_SMOOTHING * (gap - mean);
    }
    if (last === null || t > last) last = t;
  }
  return mean;
}

export function recordEvents(prev: Diagnostics, tally: EventTally): Diagnostics {
  if (tally.received === 0) return prev;
  let lastEventAt = prev.lastEventAt;
  for (const t of tally.receivedAt) if (lastEventAt === null || t > lastEventAt) lastEventAt = t;
  const meanEventGapMs = addGaps(prev.meanEventGapMs, prev.lastEventAt, tally.receivedAt);
  return {
    ...prev,
    eventsReceived: prev.eventsReceived + tally.received,
    malformedIgnored: prev.malformedIgnored + tally.malformedReasons.length,
    lastMalformedReasons:
      tally.malformedReasons.length === 0
        ? prev.lastMalformedReasons
        : [...prev.lastMalformedReasons, ...tally.malformedReasons].slice(-MAX_MALFORMED_REASONS),
    unknownStatuses: addUnknown(prev.unknownStatuses, tally.unknownStatuses),
    lastEventAt,
    meanEventGapMs,
    eventRate: addRate(prev.eventRate, tally.receivedAt),
    contracts:
      tally.legacy === 0 && tally.current === 0
        ? prev.contracts
        : { current: prev.contracts.current + tally.current, legacy: prev.contracts.legacy + tally.legacy },
  };
}

/** Average events per second over the window ending at `nowMs` (the store clock). */
export function eventsPerSecond(buckets: readonly RateBucket[], nowMs: number): number {
  const nowSecond = Math.floor(nowMs / 1000);
  let total = 0;
  for (const b of buckets) if (b.second > nowSecond - RATE_WINDOW_SECONDS && b.second <= nowSecond) total += b.count;
  return total / RATE_WINDOW_SECONDS;
}
