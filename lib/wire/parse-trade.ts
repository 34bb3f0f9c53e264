// Entry points for trade payloads: the socket `trade` event (`{ trade }`) and a bare REST Trade.
// Never throws; every failure is a short reason that diagnostics can show.
import { z } from "zod";
import type { Trade } from "@/lib/trades/types";
import { type ParseResult, fail, failureFromThrow, guarded, reasonFromZod } from "./parse-result";
import { type HeldItems, fastParseTrade, fastParseTradeEvent } from "./trade-fast-path";
import { toDomainTrade, wireTradeSchema } from "./trade-schema";

export type { HeldItems };

const tradeEventSchema = z.object({ trade: wireTradeSchema });

function success(w: z.output<typeof wireTradeSchema>): ParseResult<Trade> {
  const mapped = toDomainTrade(w);
  return {
    ok: true,
    value: mapped.trade,
    flavor: mapped.legacy ? "legacy" : "current",
    unknownStatus: mapped.unknownStatus,
  };
}

// The zod paths are the reference: every rule and every failure reason lives there. The fast paths
// (trade-fast-path.ts) answer only for well-formed payloads they are sure about, identically.

/** Socket `trade` event, zod only. Exported for the fast path's differential test; use parseTradeEvent. */
export function parseTradeEventReference(payload: unknown): ParseResult<Trade> {
  return guarded(() => {
    const parsed = tradeEventSchema.safeParse(payload);
    return parsed.success ? success(parsed.data.trade) : fail(reasonFromZod("", parsed.error));
  });
}

/** A bare REST trade, zod only. Exported for the fast path's differential test; use parseTrade. */
export function parseTradeReference(payload: unknown): ParseResult<Trade> {
  return guarded(() => {
    const parsed = wireTradeSchema.safeParse(payload);
    return parsed.success ? success(parsed.data) : fail(reasonFromZod("trade", parsed.error));
  });
}

// try/catch inline rather than guarded(() => …): these run once per socket event, and the closure
// was a measurable share of the allocations.

/**
 * Socket `trade` event payload: `{ trade: Trade }`. `heldItems` (the store's items for a trade id) lets
 * an unchanged items list come back as the very array held, instead of equal new objects.
 */
export function parseTradeEvent(payload: unknown, heldItems?: HeldItems): ParseResult<Trade> {
  try {
    return fastParseTradeEvent(payload, heldItems) ?? parseTradeEventReference(payload);
  } catch (error) {
    return failureFromThrow(error);
  }
}

/** A single Trade object as returned by REST (e.g. GET /secure/trades/{ref}, /client/trades items). */
export function parseTrade(payload: unknown): ParseResult<Trade> {
  try {
    return fastParseTrade(payload) ?? parseTradeReference(payload);
  } catch (error) {
    return failureFromThrow(error);
  }
}
