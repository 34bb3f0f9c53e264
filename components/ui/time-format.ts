// Fixed-format time text for the dashboard (24-hour clock, the browser's time zone). Pure helpers; the
// ticking relative parts use the store clock via <RelativeTime>, never Date.now() during render.

const CLOCK = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
const EXACT = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
});

export function toMs(value: string | number | null | undefined): number | null {
  if (value == null) return null;
  const ms = typeof value === "number" ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** "14:03:22" */
export function formatClock(ms: number): string {
  return CLOCK.format(ms);
}

/** "01 May 2026, 14:03:22 UTC" — for hover titles and the drawer. */
export function formatExact(ms: number): string {
  return EXACT.format(ms);
}
