import { describe, expect, it } from "vitest";
import type { GameTrend } from "@/lib/trades/trends";
import { countTotalsText, medianText, topFailureCodesText } from "./trend-text";

function game(name: string, overrides: Partial<GameTrend> = {}): GameTrend {
  return {
    game: name,
    started: [0, 0],
    completed: [0, 0],
    failed: [0, 0],
    reverted: [0, 0],
    stalled: [0, 0],
    failedByCode: {},
    medianActiveToAcceptedMs: [null, null],
    rangeMedianActiveToAcceptedMs: null,
    ...overrides,
  };
}

describe("trend text alternatives", () => {
  it("totals each game's counts over the range", () => {
    expect(countTotalsText([game("cs2", { started: [1200, 3] }), game("rust", { started: [0, 2] })], "started")).toBe("CS2 1,203 · Rust 2");
  });

  it("names the commonest failure codes across games, and how many more there are", () => {
    const games = [
      game("cs2", { failedByCode: { PRICE_CHANGED: [2, 1], none: [1, 0], USER_ESCROW: [0, 1] } }),
      game("rust", { failedByCode: { USER_ESCROW: [1, 1], TRADE_URL_INVALID: [0, 1] } }),
    ];
    expect(topFailureCodesText(games)).toBe("PRICE_CHANGED 3, USER_ESCROW 3, TRADE_URL_INVALID 1 and 1 more code");
    expect(topFailureCodesText([game("cs2")])).toBe("");
  });

  it("gives each game's median wait for acceptance, or says none was accepted", () => {
    expect(medianText([game("cs2", { rangeMedianActiveToAcceptedMs: 150_000 }), game("rust")])).toBe("CS2 2 min · Rust none accepted");
  });
});
