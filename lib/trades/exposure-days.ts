// Calendar days in the board's time zone (the Time zone control: the browser's own, or UTC) for the
// Exposure region: "today" starts at that zone's midnight and a release day is a date in that zone.
// Pure. Date's own local/UTC calendar arithmetic, so a day around a daylight-saving change is the
// 23 or 25 hours it really is. lib/time/format-time.ts only formats; this one counts.
import type { TimeZoneChoice } from "@/lib/time/format-time";

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
