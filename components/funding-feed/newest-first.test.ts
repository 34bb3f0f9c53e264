import { describe, expect, it } from "vitest";
import { T0, iso, makeFunding, seededRandom } from "@/lib/trades/test-fixtures";
import { newestFirst } from "./newest-first";

describe("newestFirst", () => {
  it("orders by creation time, newest first, with stable ties and bad dates last", () => {
    const list = newestFirst([
      makeFunding({ id: "old", createdAt: iso(T0) }),
      makeFunding({ id: "bad", createdAt: "not a date" }),
      makeFunding({ id: "new", createdAt: iso(T0 + 60_000) }),
      makeFunding({ id: "tie-b", createdAt: iso(T0 + 30_000) }),
      makeFunding({ id: "tie-a", createdAt: iso(T0 + 30_000) }),
      makeFunding({ id: "tie-moved", createdAt: iso(T0 + 30_000), completedAt: iso(T0 + 90_000) }),
    ]);
    expect(list.map((f) => f.id)).toEqual(["new", "tie-moved", "tie-a", "tie-b", "old", "bad"]);
  });

  it("with a limit, gives exactly the first entries of the full order", () => {
    const random = seededRandom(7);
    const entries = Array.from({ length: 2_000 }, (_, i) =>
      makeFunding({
        id: `f-${i}`,
        // Few distinct times, so ties (and their tie-breaks) are common.
        createdAt: random() < 0.02 ? "not a date" : iso(T0 + Math.floor(random() * 300) * 1_000),
        ...(random() < 0.3 ? { completedAt: iso(T0 + Math.floor(random() * 600) * 1_000) } : {}),
      }),
    );
    const full = newestFirst(entries).map((f) => f.id);
    for (const limit of [1, 50, 1_999, 2_000, 5_000]) {
      expect(newestFirst(entries, limit).map((f) => f.id)).toEqual(full.slice(0, limit));
    }
    expect(newestFirst(entries, 0)).toEqual([]);
  });
});
