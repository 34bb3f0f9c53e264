import { describe, expect, it } from "vitest";
import { DEFAULT_BOARD_PARAMS } from "@/lib/trades/board-params";
import { emptyBoardMessage } from "./empty-message";

describe("emptyBoardMessage", () => {
  it("says the board is still empty before any trade arrives, whatever the filters", () => {
    expect(emptyBoardMessage({ ...DEFAULT_BOARD_PARAMS, stalledOnly: true }, 0)).toMatch(/^No trades yet/);
  });

  it("says nothing when no filter is on (an unfiltered board with trades has rows)", () => {
    expect(emptyBoardMessage(DEFAULT_BOARD_PARAMS, 10)).toBeNull();
  });

  it("answers the Stalled view on its own as good news, not as a filter mismatch", () => {
    expect(emptyBoardMessage({ ...DEFAULT_BOARD_PARAMS, stalledOnly: true }, 10)).toBe(
      "No stalled trades: every trade in flight is within its stall limits (see Stall rules).",
    );
  });

  it("points to Clear filters when Stalled is combined with other filters, or for any other filter", () => {
    expect(emptyBoardMessage({ ...DEFAULT_BOARD_PARAMS, stalledOnly: true, game: "rust" }, 10)).toMatch(/^No stalled trades match these filters/);
    expect(emptyBoardMessage({ ...DEFAULT_BOARD_PARAMS, search: "abc" }, 10)).toMatch(/^No trades match these filters/);
  });

  it("answers the alerts views on their own in words, and points to Clear filters when combined", () => {
    expect(emptyBoardMessage({ ...DEFAULT_BOARD_PARAMS, attention: true }, 10)).toMatch(/^Nothing needs attention/);
    expect(emptyBoardMessage({ ...DEFAULT_BOARD_PARAMS, mine: true }, 10)).toMatch(/^No trades are assigned to you/);
    expect(emptyBoardMessage({ ...DEFAULT_BOARD_PARAMS, attention: true, mine: true }, 10)).toMatch(/^No trades match these filters/);
  });
});
