import { describe, expect, it } from "vitest";
import { isoMs } from "./iso-ms";

function same(value: string): void {
  expect(Object.is(isoMs(value), Date.parse(value)), value).toBe(true);
}

describe("isoMs", () => {
  it("answers exactly what Date.parse answers for the canonical shape", () => {
    const start = Date.parse("2024-01-01T00:00:00.000Z");
    // Every day for three years (leap year included) at an odd time, so every month/day/hour is crossed.
    for (let i = 0; i < 3 * 366 * 24; i += 7) same(new Date(start + i * 3_600_000 + i * 1_013).toISOString());
  });

  it("hands everything else to Date.parse, NaN included", () => {
    for (const value of [
      "2026-02-30T00:00:00.000Z", "2026-02-29T00:00:00.000Z", "2026-04-31T12:00:00.000Z", "2026-05-01T24:00:00.000Z",
      "2026-13-01T00:00:00.000Z", "2026-00-10T00:00:00.000Z", "0099-01-01T00:00:00.000Z", "0000-01-01T00:00:00.000Z",
      "2026-05-01T10:60:00.000Z", "2026-05-01T10:00:60.000Z", "2026-05-0aT10:00:00.000Z", "2026-05-01T10:00:00.00aZ",
      "2026-05-01T10:00:00+02:00", "2026-05-01T10:00:00Z", "2026-05-01", "yesterday", "", "constructor", "__proto__",
      "2026-05-01T10:00:00.000z", "+02026-05-01T10:00:00.000Z",
    ]) same(value);
  });
});
