// Calendar days in the board's time zone (the Time zone control: the browser's own, or UTC): the
// Exposure region's "today" and release days, and the history export's From / To days. Pure. Date's own local/UTC calendar arithmetic, so a day around a daylight-saving change is the
// 23 or 25 hours it really is. ./format-time.ts only formats; this one counts.
import type { TimeZoneChoice } from "./format-time";

/** "2026-12-06": the calendar date of `ms` in the zone (sorts as the days do). */
export function dayKey(ms: number, zone: TimeZoneChoice): string {
  const d = new Date(ms);
  const [y, m, day] = zone === "utc" ? [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()] : [d.getFullYear(), d.getMonth(), d.getDate()];
  return `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Midnight starting the day `offsetDays` after the day of `ms` (negative: before), in the zone. */
export function dayStartMs(ms: number, zone: TimeZoneChoice, offsetDays = 0): number {
  const d = new Date(ms);
  if (zone === "utc") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + offsetDays);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + offsetDays).getTime();
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight starting the day "YYYY-MM-DD" (a date field's value) `plusDays` later, in the zone; null when not a date. */
export function dayKeyStartMs(day: string, zone: TimeZoneChoice, plusDays = 0): number | null {
  const match = DAY_KEY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays];
  const ms = zone === "utc" ? Date.UTC(year, month, date) : new Date(year, month, date).getTime();
  return Number.isFinite(ms) ? ms : null;
}
