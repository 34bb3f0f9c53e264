import { describe, expect, it } from "vitest";
import { boardModeOf } from "./board-mode";

describe("boardModeOf", () => {
  it("is the wallboard only for mode=wall", () => {
    expect(boardModeOf(new URLSearchParams("mode=wall"))).toBe("wall");
    expect(boardModeOf(new URLSearchParams("mode=wall&game=rust"))).toBe("wall");
  });

  it("is the board otherwise", () => {
    expect(boardModeOf(new URLSearchParams(""))).toBe("board");
    expect(boardModeOf(new URLSearchParams("mode=WALLS"))).toBe("board");
  });
});
