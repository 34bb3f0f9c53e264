import { describe, expect, it } from "vitest";
import { canonicalViewQuery, createViewBodySchema, openViewOf, type SavedView } from "./saved-view";

const view = (id: string, owner: string, query: string): SavedView => ({
  id,
  owner,
  name: id,
  shared: true,
  query,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
});

describe("saved views", () => {
  it("keep the board's canonical query without the open trade, whatever order or junk came in", () => {
    expect(canonicalViewQuery("?stalled=true&game=rust&status=hold,bogus&trade=t-9&x=1")).toBe(canonicalViewQuery("game=rust&status=hold&stalled=1"));
    expect(canonicalViewQuery("trade=t-9")).toBe("");
  });

  it("trim names and refuse empty, long or control-character ones", () => {
    expect(createViewBodySchema.parse({ name: "  Rust  ", query: "" })).toEqual({ name: "Rust", shared: false, query: "" });
    expect(createViewBodySchema.safeParse({ name: "   ", query: "" }).success).toBe(false);
    expect(createViewBodySchema.safeParse({ name: "x".repeat(81), query: "" }).success).toBe(false);
    expect(createViewBodySchema.safeParse({ name: "a\nb", query: "" }).success).toBe(false);
  });

  it("name the open view by the board's query, my own before a shared one of the same query", () => {
    const views = [view("theirs", "b@x.test", "game=rust"), view("mine", "a@x.test", "game=rust"), view("all", "b@x.test", "")];
    expect(openViewOf(views, "game=rust&trade=t-1", "a@x.test")?.id).toBe("mine");
    expect(openViewOf(views, "game=rust", "c@x.test")?.id).toBe("theirs");
    expect(openViewOf(views, "", "a@x.test")?.id).toBe("all");
    expect(openViewOf(views, "game=cs2", "a@x.test")).toBeNull();
  });
});
