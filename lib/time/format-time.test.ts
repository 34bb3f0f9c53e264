import { describe, expect, it } from "vitest";
import { formatAge, formatClock, formatExact, formatRelative, formatWhen, isSameDay, isTimeZoneChoice, toMs, zoneName } from "./format-time";

const at = (iso: string) => Date.parse(iso);

describe("format-time", () => {
  it("shows the clock alone for today and the date for other days, in the chosen zone", () => {
    const now = at("2026-05-10T12:00:00Z");
    expect(formatWhen(at("2026-05-10T08:03:22Z"), now, "utc")).toBe("08:03:22");
    expect(formatWhen(at("2026-05-02T14:42:32Z"), now, "utc")).toBe("2 May, 14:42");
    expect(formatWhen(at("2025-12-31T23:00:00Z"), now, "utc")).toBe("31 Dec 2025");
  });

  it("follows the zone: the same instant is a different day and clock in UTC than in the browser's zone", () => {
    const ms = at("2026-05-10T23:30:00Z");
    expect(formatClock(ms, "utc")).toBe("23:30:00");
    const local = new Date(ms);
    const pad = (n: number) => String(n).padStart(2, "0");
    expect(formatClock(ms, "local")).toBe(`${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}`);
    expect(isSameDay(ms, at("2026-05-10T00:10:00Z"), "utc")).toBe(true);
    expect(isSameDay(ms, at("2026-05-11T00:10:00Z"), "utc")).toBe(false);
  });

  it("names the zone in exact times", () => {
    expect(formatExact(at("2026-05-01T14:03:22Z"), "utc")).toBe("01 May 2026, 14:03:22 UTC");
    expect(zoneName("utc")).toBe("UTC");
    expect(zoneName("local")).toBe(new Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it("says ages in words, two units at most, whole days past a week", () => {
    expect(formatAge(-5)).toBe("0 s");
    expect(formatAge(45_000)).toBe("45 s");
    expect(formatAge(17 * 60_000 + 59_000)).toBe("17 min");
    expect(formatAge(3 * 3_600_000 + 5 * 60_000)).toBe("3 h 5 min");
    expect(formatAge(86_400_000 + 4 * 3_600_000)).toBe("1 day 4 h");
    expect(formatAge(8 * 86_400_000 + 5 * 3_600_000)).toBe("8 days");
    expect(formatRelative(1_000, 61_000)).toBe("1 min ago");
    expect(formatRelative(7 * 86_400_000, 0)).toBe("in 7 days");
    expect(formatRelative(1_000, 0)).toBe("0 s ago");
  });

  it("reads times from ISO strings or milliseconds and refuses junk", () => {
    expect(toMs("2026-05-01T00:00:00Z")).toBe(at("2026-05-01T00:00:00Z"));
    expect(toMs(5)).toBe(5);
    expect(toMs("nope")).toBeNull();
    expect(toMs(null)).toBeNull();
    expect(isTimeZoneChoice("utc")).toBe(true);
    expect(isTimeZoneChoice("UTC+2")).toBe(false);
  });
});
