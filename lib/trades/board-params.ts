// The trade board's view state as it lives in the URL: filters, sort and the open trade. Parsed with
// zod in this one file so a hand-edited or outdated link degrades to "that part ignored", never to an
// error page. Pure: works on URLSearchParams, no router. Never put anything secret in here.
import { z } from "zod";
import { EXPOSURE_KINDS, type ExposureSelection, RELEASE_LATER, RELEASE_OVERDUE, REVERSAL_CAUSES } from "./exposure";
import type { GameFilter, TradeFilter } from "./trade-filter";
import { isInFlightStatus } from "./status-classes";
import type { TradeSortKey } from "./trade-sort";
import { TRADE_STATUSES, type TradeStatus, type TradeType } from "./types";

export interface BoardParams extends TradeFilter {
  game: GameFilter;
  statuses: readonly TradeStatus[];
  types: readonly TradeType[];
  stalledOnly: boolean;
  search: string;
  /** Only trades with an alert that needs attention (open, not snoozed). */
  attention: boolean;
  /** Only trades assigned to the signed-in staff member. */
  mine: boolean;
  sort: TradeSortKey;
  /** Id of the trade whose detail drawer is open. */
  trade: string | null;
  /** Only the trades behind one Exposure figure (lib/trades/exposure.ts); null = no such filter. */
  exposure: ExposureSelection | null;
}

export const DEFAULT_BOARD_PARAMS: Readonly<BoardParams> = Object.freeze({
  game: "all",
  statuses: [],
  types: [],
  stalledOnly: false,
  search: "",
  attention: false,
  mine: false,
  sort: "activity",
  trade: null,
  exposure: null,
});

const MAX_SEARCH = 200;
const TRADE_TYPES = ["deposit", "withdraw"] as const;

/** A comma list of known values: unknown entries dropped, duplicates removed, canonical order kept. */
function listOf<T extends string>(known: readonly T[]) {
  return z
    .string()
    .optional()
    .transform((value): T[] => {
      if (!value) return [];
      const wanted = new Set(value.toLowerCase().split(","));
      return known.filter((k) => wanted.has(k));
    });
}

const schema = z.object({
  game: z.enum(["cs2", "rust"]).optional().catch(undefined),
  status: listOf(TRADE_STATUSES).catch([]),
  type: listOf(TRADE_TYPES).catch([]),
  stalled: z.enum(["1", "true"]).optional().catch(undefined),
  q: z.string().optional().catch(undefined),
  attention: z.enum(["1", "true"]).optional().catch(undefined),
  mine: z.enum(["1", "true"]).optional().catch(undefined),
  sort: z.enum(["activity", "age", "value"]).optional().catch(undefined),
  trade: z.string().regex(/^[\w.:-]{1,128}$/).optional().catch(undefined),
  exposure: z.enum(EXPOSURE_KINDS).optional().catch(undefined),
  release: z
    .union([z.iso.date(), z.literal(RELEASE_OVERDUE), z.literal(RELEASE_LATER)])
    .optional()
    .catch(undefined),
  revertedBy: z.enum(REVERSAL_CAUSES).optional().catch(undefined),
});

/** The Exposure figure a link names; a release day only narrows holds, a cause only reversals. */
function exposureOf(raw: z.infer<typeof schema>): ExposureSelection | null {
  if (raw.exposure === undefined) return null;
  const holds = raw.exposure === "hold" || raw.exposure === "precredit";
  return {
    kind: raw.exposure,
    release: holds ? (raw.release ?? null) : null,
    revertedBy: holds ? null : (raw.revertedBy ?? null),
  };
}

type ParamSource = URLSearchParams | { get(name: string): string | null };

export function parseBoardParams(source: ParamSource): BoardParams {
  const read = (name: string) => source.get(name) ?? undefined;
  const raw = schema.parse({
    game: read("game"),
    status: read("status"),
    type: read("type"),
    stalled: read("stalled"),
    q: read("q"),
    attention: read("attention"),
    mine: read("mine"),
    sort: read("sort"),
    trade: read("trade"),
    exposure: read("exposure"),
    release: read("release"),
    revertedBy: read("revertedBy"),
  });
  return {
    game: raw.game ?? "all",
    statuses: raw.status,
    types: raw.type,
    stalledOnly: raw.stalled !== undefined,
    search: (raw.q ?? "").slice(0, MAX_SEARCH),
    attention: raw.attention !== undefined,
    mine: raw.mine !== undefined,
    sort: raw.sort ?? "activity",
    trade: raw.trade ?? null,
    exposure: exposureOf(raw),
  };
}

/** Canonical query string (without "?") for the given params; defaults are left out. */
export function serializeBoardParams(params: BoardParams): string {
  const out = new URLSearchParams();
  if (params.game !== "all") out.set("game", params.game);
  if (params.statuses.length > 0) out.set("status", TRADE_STATUSES.filter((s) => params.statuses.includes(s)).join(","));
  if (params.types.length > 0) out.set("type", TRADE_TYPES.filter((t) => params.types.includes(t)).join(","));
  if (params.stalledOnly) out.set("stalled", "1");
  if (params.search !== "") out.set("q", params.search.slice(0, MAX_SEARCH));
  if (params.attention) out.set("attention", "1");
  if (params.mine) out.set("mine", "1");
  if (params.sort !== "activity") out.set("sort", params.sort);
  if (params.trade !== null) out.set("trade", params.trade);
  if (params.exposure !== null) {
    out.set("exposure", params.exposure.kind);
    if (params.exposure.release !== null) out.set("release", params.exposure.release);
    if (params.exposure.revertedBy !== null) out.set("revertedBy", params.exposure.revertedBy);
  }
  return out.toString();
}

/** Adds or removes one value of a multi-select list (status or type chips). */
export function toggleIn<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** True when any filter or search narrows the board (sort and the open trade do not count). */
export function hasActiveFilter(params: BoardParams): boolean {
  return (
    params.game !== "all" ||
    params.statuses.length > 0 ||
    params.types.length > 0 ||
    params.stalledOnly ||
    params.search.trim() !== "" ||
    params.attention ||
    params.mine ||
    params.exposure !== null
  );
}

/** Same params with every filter and the search cleared; sort and the open trade stay. */
export function clearFilters(params: BoardParams): BoardParams {
  return { ...DEFAULT_BOARD_PARAMS, sort: params.sort, trade: params.trade };
}

/** The KPI strip's count cards, each a button to the view behind its figure. */
export type CountCard = "stalled" | "in-hold-cs2" | "in-hold-rust" | "in-flight";

/**
 * The view a count card opens: only the trades its figure counts (every other filter cleared; sort and
 * the open trade stay). "In flight" lists the in-flight statuses, so a trade AssetPay no longer knows
 * (never counted in flight) can still show there with its last status.
 */
export function countCardView(card: CountCard, params: BoardParams): BoardParams {
  const base = clearFilters(params);
  switch (card) {
    case "stalled":
      return { ...base, stalledOnly: true };
    case "in-hold-cs2":
      return { ...base, game: "cs2", statuses: ["hold", "escrow"] };
    case "in-hold-rust":
      return { ...base, game: "rust", statuses: ["hold", "escrow"] };
    case "in-flight":
      return { ...base, statuses: TRADE_STATUSES.filter(isInFlightStatus) };
  }
}

/**
 * The view an Exposure figure opens: only its trades (every other filter cleared, sort and the open
 * trade kept), in one game when the figure is one game's (a cell of the hold-by-release-day table).
 */
export function exposureView(selection: ExposureSelection, game: GameFilter, params: BoardParams): BoardParams {
  return { ...clearFilters(params), game, exposure: selection };
}
