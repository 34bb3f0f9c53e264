// Time for the simulator: an injectable wall clock and the SIM_SPEED scaling of simulated durations.
// Timestamps on the wire are always wall-clock (so a dashboard's ages make sense); only how long
// things take is compressed: at speed 60 a 7-day CS2 hold lasts 2.8 real hours and holdEndDate says so.

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Real milliseconds for a simulated duration. */
export function scaled(simulatedMs: number, speed: number): number {
  return simulatedMs / speed;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
