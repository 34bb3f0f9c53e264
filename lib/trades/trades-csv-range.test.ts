import { describe, expect, it } from "vitest";
import { dayKey } from "@/lib/time/calendar-days";
import { dayRange, describeTradeExport, parseTradeExportQuery, tradeExportQuery } from "./trades-csv-range";

describe("history export range", () => {
  it("reads a query string into the range and writes it back the same", () => {
    const parsed = parseTradeExportQuery(
      new URLSearchParams("from=2026-05-01T00:00:00.000Z&to=2026-05-08T00:00:00.000Z&game=rust&type=deposit&status=hold,failed"),
    );
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data).toEqual({
      from: "2026-05-01T00:00:00.000Z",
      to: "2026-05-08T00:00:00.000Z",
      games: ["rust"],
      types: ["deposit"],
      statuses: ["hold", "failed"],
    });
    expect(parseTradeExportQuery(new URLSearchParams(tradeExportQuery(parsed.data))).data).toEqual(parsed.data);
    expect(describeTradeExport(parsed.data)).toBe("2026-05-01T00:00:00.000Z – 2026-05-08T00:00:00.000Z; game=rust&type=deposit&status=hold,failed");
  });

  it("refuses missing or unreadable dates, a reversed or empty range, over 400 days and unknown values", () => {
    const bad = [
      "from=2026-05-01T00:00:00Z",
      "from=2026-05-01&to=2026-05-02",
      "from=2026-05-02T00:00:00Z&to=2026-05-02T00:00:00Z",
      "from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z",
      "from=2025-01-01T00:00:00Z&to=2026-02-06T00:00:00Z",
      "from=2026-05-01T00:00:00Z&to=2026-05-02T00:00:00Z&type=swap",
    ];
    for (const query of bad) expect(parseTradeExportQuery(new URLSearchParams(query)).success, query).toBe(false);
    expect(parseTradeExportQuery(new URLSearchParams("from=2025-01-01T00:00:00Z&to=2026-02-05T00:00:00Z")).success).toBe(true);
  });

  it("turns the dialog's days into an inclusive range in the chosen zone", () => {
    expect(dayRange("2026-05-01", "2026-05-01", "utc")).toEqual({ from: "2026-05-01T00:00:00.000Z", to: "2026-05-02T00:00:00.000Z" });
    expect(dayRange("2026-04-30", "2026-05-31", "utc")).toEqual({ from: "2026-04-30T00:00:00.000Z", to: "2026-06-01T00:00:00.000Z" });
    const local = dayRange("2026-05-01", "2026-05-01", "local");
    expect(local?.from).toBe(new Date(2026, 4, 1).toISOString());
    expect(dayRange("", "2026-05-01", "utc")).toBeNull();
    expect(dayKey(Date.UTC(2026, 0, 9, 23, 59), "utc")).toBe("2026-01-09");
    expect(dayKey(new Date(2026, 0, 9, 0, 1).getTime(), "local")).toBe("2026-01-09");
  });
});
