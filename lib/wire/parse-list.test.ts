import { describe, expect, it } from "vitest";
import { wireTrade } from "@/lib/trades/test-fixtures";
import { parseLedgerTransaction } from "./parse-funding";
import { parseList } from "./parse-list";
import { parseTrade } from "./parse-trade";

describe("parseList", () => {
  it("keeps good rows in order and reports each bad one by its reason", () => {
    const result = parseList([wireTrade({ id: "a" }), { id: 5.5 }, wireTrade({ id: "c", status: "odd" })], parseTrade);
    expect(result.values.map((t) => [t.id, t.status])).toEqual([
      ["a", "active"],
      ["c", "unknown"],
    ]);
    expect(result.failures).toEqual(["trade.id: expected string"]);
  });

  it("leaves out rows of kinds we do not track without calling them malformed", () => {
    const created = { created: "2026-05-01T00:00:00Z" };
    const rows = [
      { id: "r", type: "REFUND", status: "COMPLETED", timestamps: created },
      { id: "d", type: "DEPOSIT", status: "COMPLETED", timestamps: created },
      { id: "x", type: "DEPOSIT" },
    ];
    const result = parseList(rows, parseLedgerTransaction);
    expect(result.values.map((f) => f.id)).toEqual(["d"]);
    expect(result.failures).toEqual(["ledger.status: expected string"]);
  });
});
