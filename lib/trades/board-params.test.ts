import { describe, expect, it } from "vitest";
import {
  DEFAULT_BOARD_PARAMS,
  clearFilters,
  countCardView,
  exposureView,
  hasActiveFilter,
  parseBoardParams,
  serializeBoardParams,
  toggleIn,
} from "./board-params";

const parse = (query: string) => parseBoardParams(new URLSearchParams(query));

describe("parseBoardParams", () => {
  it("gives the unfiltered board for an empty query", () => {
    expect(parse("")).toEqual(DEFAULT_BOARD_PARAMS);
    expect(hasActiveFilter(parse(""))).toBe(false);
  });

  it("reads every filter, the sort and the open trade", () => {
    const params = parse("game=rust&status=hold,active&type=withdraw&stalled=1&q=AK-47&attention=1&mine=true&sort=age&trade=3f1c9a52-0000-4000-8000-000000000001");
    expect(params).toEqual({
      game: "rust",
      statuses: ["active", "hold"],
      types: ["withdraw"],
      stalledOnly: true,
      search: "AK-47",
      attention: true,
      mine: true,
      sort: "age",
      trade: "3f1c9a52-0000-4000-8000-000000000001",
      exposure: null,
    });
    expect(hasActiveFilter(params)).toBe(true);
  });

  it("ignores what it does not understand instead of failing", () => {
    const params = parse("game=dota&status=active,bogus,ACTIVE&type=gift&stalled=yes&attention=no&mine=2&sort=random&trade=<script>");
    expect(params).toEqual({ ...DEFAULT_BOARD_PARAMS, statuses: ["active"] });
  });

  it("caps the search length", () => {
    expect(parse(`q=${"x".repeat(500)}`).search).toHaveLength(200);
  });
});

describe("serializeBoardParams", () => {
  it("round-trips and leaves defaults out", () => {
    expect(serializeBoardParams(DEFAULT_BOARD_PARAMS)).toBe("");
    const params = { ...DEFAULT_BOARD_PARAMS, game: "cs2" as const, statuses: ["hold" as const, "active" as const], search: "a b&c" };
    const query = serializeBoardParams(params);
    expect(query).toBe("game=cs2&status=active%2Chold&q=a+b%26c");
    expect(parse(query)).toEqual({ ...params, statuses: ["active", "hold"] });
    const alertViews = { ...DEFAULT_BOARD_PARAMS, attention: true, mine: true };
    expect(serializeBoardParams(alertViews)).toBe("attention=1&mine=1");
    expect(parse(serializeBoardParams(alertViews))).toEqual(alertViews);
    expect(hasActiveFilter(alertViews)).toBe(true);
  });
});

describe("helpers", () => {
  it("toggles a chip value", () => {
    expect(toggleIn(["a", "b"], "a")).toEqual(["b"]);
    expect(toggleIn(["a"], "c")).toEqual(["a", "c"]);
  });

  it("clears filters but keeps sort and the open trade", () => {
    const params = parse("game=cs2&stalled=1&q=x&attention=1&mine=1&sort=value&trade=t-1");
    expect(clearFilters(params)).toEqual({ ...DEFAULT_BOARD_PARAMS, sort: "value", trade: "t-1" });
  });
});

describe("countCardView", () => {
  const busy = { ...DEFAULT_BOARD_PARAMS, game: "cs2" as const, search: "ak", statuses: ["completed" as const], sort: "value" as const, trade: "t-1" };
  it("opens exactly the trades behind each count card, keeping the sort and the open trade", () => {
    expect(countCardView("stalled", busy)).toEqual({ ...DEFAULT_BOARD_PARAMS, stalledOnly: true, sort: "value", trade: "t-1" });
    expect(countCardView("in-hold-rust", busy)).toEqual({ ...DEFAULT_BOARD_PARAMS, game: "rust", statuses: ["hold", "escrow"], sort: "value", trade: "t-1" });
    expect(countCardView("in-hold-cs2", DEFAULT_BOARD_PARAMS)).toMatchObject({ game: "cs2", statuses: ["hold", "escrow"], search: "" });
    const inFlight = countCardView("in-flight", busy).statuses;
    expect(inFlight).toEqual(expect.arrayContaining(["initiated", "pending", "active", "hold", "escrow", "unknown"]));
    expect(inFlight).not.toContain("completed");
  });
});

describe("the Exposure filter", () => {
  it("reads a figure, its release day or cause, and round-trips", () => {
    const hold = parse("exposure=hold&release=2026-05-03&game=cs2");
    expect(hold.exposure).toEqual({ kind: "hold", release: "2026-05-03", revertedBy: null });
    expect(hasActiveFilter(hold)).toBe(true);
    expect(parse(serializeBoardParams(hold))).toEqual(hold);
    const reversals = parse("exposure=reversed-7d&revertedBy=supplier");
    expect(reversals.exposure).toEqual({ kind: "reversed-7d", release: null, revertedBy: "supplier" });
    expect(serializeBoardParams(reversals)).toBe("exposure=reversed-7d&revertedBy=supplier");
    expect(parse("exposure=precredit&release=later").exposure).toEqual({ kind: "precredit", release: "later", revertedBy: null });
  });

  it("drops what does not fit instead of failing", () => {
    expect(parse("exposure=everything&release=2026-05-03").exposure).toBeNull();
    expect(parse("exposure=hold&release=tomorrow&revertedBy=user").exposure).toEqual({ kind: "hold", release: null, revertedBy: null });
    expect(parse("exposure=reversed-today&release=2026-05-03&revertedBy=bot").exposure).toEqual({ kind: "reversed-today", release: null, revertedBy: null });
  });

  it("is cleared with the other filters, and a figure's view clears them", () => {
    const params = parse("exposure=hold&stalled=1&q=x&sort=value");
    expect(clearFilters(params).exposure).toBeNull();
    const selection = { kind: "reversed-today" as const, release: null, revertedBy: "user" as const };
    expect(exposureView(selection, "all", params)).toEqual({ ...DEFAULT_BOARD_PARAMS, sort: "value", exposure: selection });
    expect(exposureView(selection, "rust", params).game).toBe("rust");
  });
});
