import { describe, expect, it } from "vitest";
import { wireTrade } from "@/lib/trades/test-fixtures";
import { parseLedgerTransaction } from "./parse-funding";
import { parseList } from "./parse-list";
import { parseTrade } from "./parse-trade";

describe("parseList", () => {
  it("keeps good rows, reports bad ones by index and counts unknown statuses", () => {
    const result = parseList([wireTrade({ id: "a" }), { id: 5.5 }, wireTrade({ id: "c", status: "odd" })], parseTrade);
    expect(result.values.map((t) => t.id)).toEqual(["a", "c"]);
    expect(result.failures).toEqual(["[1] trade.id: expected string"]);
    expect(result.unknownStatuses).toEqual(["odd"]);
  });

  it("counts unsupported ledger rows separately from malformed ones", () => {
    const row = { id: "r", type: "REFUND", status: "COMPLETED", timestamps: { created: "2026-05-01T00:00:00Z" } };
    const result = parseList([row], parseLedgerTransaction);
    expect(result).toEqual({ values: [], failures: [], unsupported: 1, unknownStatuses: [] });
  });

  it("rejects non-arrays and caps very long lists", () => {
    expect(parseList({ items: [] }, parseTrade).failures).toEqual(["items: expected array"]);
    const long = parseList(Array.from({ length: 5 }, (_, i) => wireTrade({ id: `t${i}` })), parseTrade, 3);
    expect(long.values).toHaveLength(3);
    expect(long.failures).toEqual(["items: 2 beyond the first 3 ignored"]);
  });
});
