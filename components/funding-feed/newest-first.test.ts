import { describe, expect, it } from "vitest";
import { T0, iso, makeFunding } from "@/lib/trades/test-fixtures";
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
});
