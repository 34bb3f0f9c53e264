import { describe, expect, it } from "vitest";
import { isPaused, pauseReason } from "./pause-causes";

const LIVE = { explicit: false, pointer: false, drawer: false, scrolled: false };

describe("pause causes", () => {
  it("is live with no cause", () => {
    expect(isPaused(LIVE)).toBe(false);
    expect(pauseReason(LIVE)).toBeNull();
  });

  it("is paused by any one cause and says which", () => {
    expect(pauseReason({ ...LIVE, pointer: true })).toBe("Paused: pointer on the table");
    expect(pauseReason({ ...LIVE, drawer: true })).toBe("Paused: a trade is open");
    expect(pauseReason({ ...LIVE, scrolled: true })).toBe("Paused: scrolled down");
    for (const cause of ["explicit", "pointer", "drawer", "scrolled"] as const) expect(isPaused({ ...LIVE, [cause]: true })).toBe(true);
  });

  it("names the person's own pause first: it does not end when the pointer leaves", () => {
    expect(pauseReason({ explicit: true, pointer: true, drawer: true, scrolled: true })).toBe("Live updates paused");
  });
});
