import { describe, expect, it } from "vitest";
import { makeTrade } from "./test-fixtures";
import { TRADE_CSV_COLUMNS, tradesCsv } from "./trades-csv";

describe("tradesCsv", () => {
  it("writes a header row and one row per trade in the order given, formulas neutralised, no trade URL", () => {
    const csv = tradesCsv(
      [
        {
          trade: makeTrade({
            id: "t-2",
            externalId: "=HYPERLINK(\"http://evil\")",
            totalPrice: 12.5,
            items: [{ id: "i1", name: "@SUM(A1)" }, { id: "i2", name: "AK-47, Redline" }],
            clientTradeUrl: "https://steamcommunity.com/tradeoffer/new/?partner=1&token=secret",
          }),
          enteredStatusAt: "2026-05-01T10:00:00.000Z",
        },
        { trade: makeTrade({ id: "t-1", externalClientUserId: "-1+2", items: [] }), enteredStatusAt: "2026-05-01T09:00:00.000Z", missing: true },
      ],
      (id) => id === "t-2",
    );
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(TRADE_CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(4); // header, two rows, and the empty string after the last CRLF
    expect(lines[1]).toMatch(/^t-2,"'=HYPERLINK\(""http:\/\/evil""\)",/);
    expect(lines[1]).toContain(",yes,no,12.50,");
    expect(lines[1]).toContain(`,2,"'@SUM(A1); AK-47, Redline",`);
    expect(lines[2]).toMatch(/^t-1,/);
    expect(lines[2]).toContain(",no,yes,");
    expect(lines[2]).toContain(",'-1+2,");
    expect(csv).not.toContain("token=secret");
  });

  it("is the header alone for an empty view", () => {
    expect(tradesCsv([], () => false)).toBe(`${TRADE_CSV_COLUMNS.join(",")}\r\n`);
  });
});
