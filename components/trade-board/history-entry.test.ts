import { describe, expect, it } from "vitest";
import { historyStep } from "./history-entry";

describe("historyStep", () => {
  it("pushes an entry when a trade opens, so Back closes it", () => {
    expect(historyStep({ before: null, after: "t1", onPushedEntry: false })).toBe("push");
  });

  it("steps back when the person closes a trade the page opened", () => {
    expect(historyStep({ before: "t1", after: null, onPushedEntry: true })).toBe("back");
  });

  it("replaces when closing a trade that came with the link (there is nothing of ours to step back to)", () => {
    expect(historyStep({ before: "t1", after: null, onPushedEntry: false })).toBe("replace");
  });

  it("replaces when switching from one open trade to another, and for filter changes", () => {
    expect(historyStep({ before: "t1", after: "t2", onPushedEntry: true })).toBe("replace");
    expect(historyStep({ before: null, after: null, onPushedEntry: false })).toBe("replace");
  });
});
