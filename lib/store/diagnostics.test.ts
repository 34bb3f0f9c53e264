import { describe, expect, it } from "vitest";
import { recordEvents, type EventTally } from "./diagnostics";
import { createInitialState } from "./state";

const tally = (receivedAt: number[]): EventTally => ({
  received: receivedAt.length,
  malformedReasons: [],
  unknownStatuses: [],
  legacy: 0,
  current: receivedAt.length,
  receivedAt,
});

describe("recordEvents: the usual gap between events", () => {
  it("is unknown until a second event, then follows the gaps, smoothed", () => {
    let d = createInitialState().diagnostics;
    d = recordEvents(d, tally([1_000]));
    expect(d.meanEventGapMs).toBeNull();
    d = recordEvents(d, tally([3_000]));
    expect(d.meanEventGapMs).toBe(2_000);
    // A steady 2 s feed stays at 2 s; a batch delivered together counts its own gaps in arrival order.
    d = recordEvents(d, tally([7_000, 5_000]));
    expect(d.meanEventGapMs).toBeCloseTo(2_000);
    // One long silence moves the mean only part of the way: one gap is not the usual rate.
    d = recordEvents(d, tally([67_000]));
    expect(d.meanEventGapMs).toBeCloseTo(2_000 + 0.1 * 58_000);
    expect(d.lastEventAt).toBe(67_000);
  });
});
