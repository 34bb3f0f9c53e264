// Every time the dashboard shows, in the time zone a person chose (their browser's, or UTC): clock
// times, dates when not today, exact times with the zone named, and ages in words. Pure and
// locale-fixed (24-hour en-GB dates) so server, browser and tests agree; the chosen zone is passed in
// (components/time-zone/use-time-zone.ts holds it). Never used for arithmetic.
import { formatDuration } from "@/lib/trades/format";

export const TIME_ZONE_CHOICES = ["local", "utc"] as const;
export type TimeZoneChoice = (typeof TIME_ZONE_CHOICES)[number];

export function isTimeZoneChoice(value: unknown): value is TimeZoneChoice {
  return value === "local" || value === "utc";
}

/** The IANA zone for Intl; undefined = the runtime's own. */
function intlZone(zone: TimeZoneChoice): string | undefined {
  return zone === "utc" ? "UTC" : undefined;
}

// Building an Intl.DateTimeFormat costs far more than using one, and a board renders hundreds of times.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: string, zone: TimeZoneChoice, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${kind} ${zone}`;
  let f = formats.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-GB", { ...options, hourCycle: "h23", timeZone: intlZone(zone) });
    formats.set(key, f);
  }
  return f;
}

const CLOCK: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", second: "2-digit" };
const DAY_KEY: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };
const DAY_AND_TIME: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };
const DATE_WITH_YEAR: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
const EXACT: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZoneName: "short",
};

/** "UTC", or the browser's zone by its IANA name ("Europe/Berlin"). */
export function zoneName(zone: TimeZoneChoice): string {
  return zone === "utc" ? "UTC" : new Intl.DateTimeFormat().resolvedOptions().timeZone || "local time";
}

/** "14:03:22" */
export function formatClock(ms: number, zone: TimeZoneChoice): string {
  return formatter("clock", zone, CLOCK).format(ms);
}

/** Same calendar day in that zone. */
export function isSameDay(a: number, b: number, zone: TimeZoneChoice): boolean {
  const day = formatter("day", zone, DAY_KEY);
  return day.format(a) === day.format(b);
}

/**
 * A row's time: "14:03:22" today, "3 May, 14:03" earlier this year (or later: clock skew), "3 May 2025"
 * in another year — so an eight-day-old hold never reads like a trade from seconds ago.
 */
export function formatWhen(ms: number, nowMs: number, zone: TimeZoneChoice): string {
  if (isSameDay(ms, nowMs, zone)) return formatClock(ms, zone);
  const year = formatter("year", zone, { year: "numeric" });
  if (year.format(ms) === year.format(nowMs)) return formatter("day-time", zone, DAY_AND_TIME).format(ms);
  return formatter("date-year", zone, DATE_WITH_YEAR).format(ms);
}

/** "01 May 2026, 14:03:22 UTC" (the zone always named) — hover titles, the drawer, the audit log. */
export function formatExact(ms: number, zone: TimeZoneChoice): string {
  return formatter("exact", zone, EXACT).format(ms);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const unit = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** An age in words, two units at most, floored: "45 s", "17 min", "3 h 5 min", "1 day 4 h", "8 days". */
export function formatAge(ms: number): string {
  const t = Number.isFinite(ms) && ms > 0 ? ms : 0;
  // Under a day an age reads like any duration; days are spelled out, the hours dropped after a week.
  if (t < DAY) return formatDuration(t);
  const d = Math.floor(t / DAY);
  const h = Math.floor((t % DAY) / HOUR);
  return h === 0 || d >= 7 ? unit(d, "day", "days") : `${unit(d, "day", "days")} ${h} h`;
}

/** A time relative to now in words: "3 min ago", "in 6 days 23 h"; a small skew reads as the past. */
export function formatRelative(ms: number, nowMs: number): string {
  const delta = ms - nowMs;
  return delta > 1_500 ? `in ${formatAge(delta)}` : `${formatAge(-delta)} ago`;
}

export function toMs(value: string | number | null | undefined): number | null {
  if (value == null) return null;
  const ms = typeof value === "number" ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}
