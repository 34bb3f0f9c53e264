import { describe, expect, it } from "vitest";
import { missingStepsNote, recordedHistoryMessage } from "./recorded-history-message";

describe("recordedHistoryMessage", () => {
  it("says the recorder's history is on its way, then that it is in", () => {
    expect(recordedHistoryMessage("loading", 2, null)).toMatch(/^Loading the event recorder's history/);
    expect(recordedHistoryMessage("recorded", 3, null)).toMatch(/^Includes the event recorder's history/);
  });

  it("tells a trade the recorder never saw from one nobody saw", () => {
    expect(recordedHistoryMessage("unrecorded", 2, null)).toMatch(/no history of this trade .*listed are the changes this page saw/);
    expect(recordedHistoryMessage("unrecorded", 0, null)).toBe("No status history: neither this page nor the event recorder has seen this trade.");
  });

  it("names the failure and what is listed instead", () => {
    expect(recordedHistoryMessage("unavailable", 2, "HTTP 503")).toBe(
      "The event recorder's history could not be loaded (HTTP 503); listed are the changes this page saw.",
    );
    expect(recordedHistoryMessage("unavailable", 0, null)).toBe(
      "The event recorder's history could not be loaded; this page saw no changes of this trade itself.",
    );
  });
});

describe("missingStepsNote", () => {
  it("is silent when the list starts at the beginning, is empty, or is still loading", () => {
    expect(missingStepsNote("recorded", "initiated")).toBeNull();
    expect(missingStepsNote("unavailable", undefined)).toBeNull();
    expect(missingStepsNote("loading", "hold")).toBeNull();
  });

  it("says whose watch the earlier steps predate", () => {
    expect(missingStepsNote("recorded", "active")).toBe("Earlier steps happened before the event recorder was watching.");
    expect(missingStepsNote("unrecorded", "active")).toMatch(/^Earlier steps happened before this page was watching/);
    expect(missingStepsNote("unavailable", "hold")).toMatch(/^Earlier steps happened before this page was watching/);
  });
});
