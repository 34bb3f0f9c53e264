import { describe, expect, it } from "vitest";
import { collapseStatusHistory } from "./status-history";
import { T0, iso } from "./test-fixtures";
import type { TradeStatus } from "./types";

const MIN = 60_000;

/** As the recorder reads it: observedAt is an ISO string. */
function recorded(status: TradeStatus, minutes: number, observedMinutes = minutes) {
  return { status, rawStatus: status, at: iso(T0 + minutes * MIN), observedAt: iso(T0 + observedMinutes * MIN) };
}

/** As the browser store keeps it: observedAt in ms. */
function observed(status: TradeStatus, minutes: number, observedMinutes = minutes) {
  return { status, rawStatus: status, at: iso(T0 + minutes * MIN), observedAt: T0 + observedMinutes * MIN };
}

describe("collapseStatusHistory", () => {
  it("orders by AssetPay time and keeps the first of consecutive repeats", () => {
    expect(collapseStatusHistory([recorded("hold", 3), recorded("active", 1), recorded("hold", 5), recorded("active", 2)])).toEqual([
      recorded("active", 1),
      recorded("hold", 3),
    ]);
  });

  it("puts changes at the same instant in lifecycle order", () => {
    const history = collapseStatusHistory([recorded("completed", 4), recorded("reverted", 4), recorded("hold", 4), recorded("initiated", 4)]);
    expect(history.map((change) => change.status)).toEqual(["initiated", "hold", "completed", "reverted"]);
  });

  it("keeps the same change from two sources once, with its earliest sighting", () => {
    const late = observed("hold", 3, 10);
    const early = observed("hold", 3, 4);
    expect(collapseStatusHistory([observed("active", 1), late, early])).toEqual([observed("active", 1), early]);
    expect(collapseStatusHistory([recorded("hold", 3, 10), recorded("hold", 3, 4)])).toEqual([recorded("hold", 3, 4)]);
  });

  it("keeps a status that comes back after another one", () => {
    const history = collapseStatusHistory([recorded("active", 1), recorded("hold", 2), recorded("active", 3)]);
    expect(history.map((change) => change.status)).toEqual(["active", "hold", "active"]);
  });

  it("returns the entries themselves and leaves the input alone", () => {
    const input = [recorded("hold", 3), recorded("active", 1)];
    const copy = [...input];
    const history = collapseStatusHistory(input);
    expect(input).toEqual(copy);
    expect(history[0]).toBe(input[1]);
    expect(collapseStatusHistory([])).toEqual([]);
  });
});
