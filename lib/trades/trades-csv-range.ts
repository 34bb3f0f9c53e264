// What a history export asks for: a range of AssetPay's `updatedAt` [from, to) and the board filters
// that make sense on recorded trades — game, type, status. (Stalled-only is left out: the verdict moves
// with the clock; search, "Needs attention" and "Assigned to me" are about what a board holds.) One
// schema for the route's query string, the team call to the store and the browser's dialog. Pure.
import { z } from "zod";
import { dayKeyStartMs } from "@/lib/time/calendar-days";
import { TRADE_STATUSES, type TradeStatus, type TradeType } from "./types";

/** The longest range one export may cover: a year and a bit, well past the recorder's retention. */
export const MAX_EXPORT_DAYS = 400;
const DAY_MS = 86_400_000;

export const EXPORT_GAMES = ["cs2", "rust"] as const;
export const EXPORT_TYPES = ["deposit", "withdraw"] as const satisfies readonly TradeType[];

const isoInstant = z.iso.datetime({ offset: true });

export const tradeExportRangeSchema = z
  .object({
    from: isoInstant,
    to: isoInstant,
    /** Empty = every game (also `other`); likewise for types and statuses. */
    games: z.array(z.enum(EXPORT_GAMES)).max(EXPORT_GAMES.length),
    types: z.array(z.enum(EXPORT_TYPES)).max(EXPORT_TYPES.length),
    statuses: z.array(z.enum(TRADE_STATUSES)).max(TRADE_STATUSES.length),
  })
  .refine((range) => Date.parse(range.from) < Date.parse(range.to), { message: "from must be before to", path: ["to"] })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= MAX_EXPORT_DAYS * DAY_MS, {
    message: `a range of at most ${MAX_EXPORT_DAYS} days`,
    path: ["to"],
  });

export type TradeExportRange = z.infer<typeof tradeExportRangeSchema>;

/** A comma list of the query string: "" or absent = none. Unknown values fail the schema (400). */
const commaList = z
  .string()
  .max(400)
  .optional()
  .transform((value) => (value ? value.split(",").filter((part) => part !== "") : []));

const queryShape = z.object({ from: z.string().max(64), to: z.string().max(64), game: commaList, type: commaList, status: commaList });

/** The query string of GET /api/trades/export (`from`, `to`, and the board's own `game`, `type`, `status`). */
export function parseTradeExportQuery(params: URLSearchParams) {
  const raw = queryShape.safeParse({
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    game: params.get("game") ?? undefined,
    type: params.get("type") ?? undefined,
    status: params.get("status") ?? undefined,
  });
  if (!raw.success) return raw;
  const { from, to, game, type, status } = raw.data;
  return tradeExportRangeSchema.safeParse({ from, to, games: game, types: type, statuses: status });
}

export function tradeExportQuery(range: TradeExportRange): string {
  const out = new URLSearchParams({ from: range.from, to: range.to });
  if (range.games.length > 0) out.set("game", range.games.join(","));
  if (range.types.length > 0) out.set("type", range.types.join(","));
  if (range.statuses.length > 0) out.set("status", range.statuses.join(","));
  return out.toString();
}

/** The export in words for the audit log: "2026-05-01T00:00:00.000Z – 2026-05-08T00:00:00.000Z; game=rust". */
export function describeTradeExport(range: TradeExportRange): string {
  const filters = [
    range.games.length > 0 ? `game=${range.games.join(",")}` : null,
    range.types.length > 0 ? `type=${range.types.join(",")}` : null,
    range.statuses.length > 0 ? `status=${range.statuses.join(",")}` : null,
  ].filter((part) => part !== null);
  return `${range.from} – ${range.to}; ${filters.length > 0 ? filters.join("&") : "every trade"}`;
}

/** Statuses in the canonical order (the board's), for a stable query string. */
export function canonicalStatuses(statuses: readonly TradeStatus[]): TradeStatus[] {
  return TRADE_STATUSES.filter((status) => statuses.includes(status));
}

/** From the first moment of `fromDay` to the end of `toDay` (inclusive), in the board's time zone. */
export function dayRange(fromDay: string, toDay: string, zone: "local" | "utc"): { from: string; to: string } | null {
  const from = dayKeyStartMs(fromDay, zone);
  const to = dayKeyStartMs(toDay, zone, 1);
  return from === null || to === null ? null : { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
