// GET /secure/trades (cursor page of self trades) and GET /secure/trades/{refs} (one trade, or up to 100
// comma-joined ids/externalIds, client and self trades alike); see docs/assetpay-api.md.

import { z } from "zod";
import type { SimDeps } from "../deps";
import type { Trade } from "../engine/wire";
import { GAMES, TRADE_TYPES } from "../engine/wire";
import { ApiError, sendData } from "../envelope";
import type { Handler } from "./context";
import { parseOrFail, queryObject } from "./validation";

const listQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int("must be an integer").min(1, "must be 1-100").max(100, "must be 1-100").default(20),
  game: z.enum(GAMES, "must be 730 or 252490").default("730"),
  type: z.enum(TRADE_TYPES, "must be deposit or withdraw").optional(),
});

const cursorSchema = z.object({ c: z.string(), i: z.string() });

/** Opaque to clients; inside it is a keyset position (createdAt, id), like AssetPay's own. */
function encodeCursor(trade: Trade): string {
  return Buffer.from(JSON.stringify({ c: trade.createdAt, i: trade.id })).toString("base64url");
}

function decodeCursor(cursor: string): { c: string; i: string } {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new ApiError("VALIDATION_FAILED", "Validation failed", { cursor: "invalid cursor" });
  }
}

function newerFirst(a: Trade, b: Trade): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function listTrades(deps: SimDeps): Handler {
  return (ctx) => {
    const query = parseOrFail(listQuery, queryObject(ctx.url.searchParams));
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const matches: Trade[] = [];
    for (const trade of deps.engine.allTrades()) {
      // The GG docs say this lists self trades only; client trades are reachable by ref only.
      if (trade.source !== "self" || trade.game !== query.game) continue;
      if (query.type && trade.type !== query.type) continue;
      if (after && !(trade.createdAt < after.c || (trade.createdAt === after.c && trade.id < after.i))) continue;
      matches.push(trade);
    }
    matches.sort(newerFirst);
    const items = matches.slice(0, query.limit);
    const last = items[items.length - 1];
    sendData(ctx.res, { items, nextCursor: matches.length > query.limit && last ? encodeCursor(last) : null });
  };
}

export function getTrades(deps: SimDeps): Handler {
  return (ctx) => {
    const raw = ctx.params.refs ?? "";
    if (!raw.includes(",")) {
      const trade = raw ? deps.engine.findTrade(raw) : undefined;
      if (!trade) throw new ApiError("TRADE_NOT_FOUND", `Trade ${raw} not found`);
      sendData(ctx.res, trade);
      return;
    }
    const refs = raw.split(",").map((r) => r.trim()).filter(Boolean);
    if (refs.length > 100) throw new ApiError("VALIDATION_FAILED", "Validation failed", { refs: "at most 100 refs" });
    const seen = new Set<string>();
    const trades: Trade[] = [];
    for (const ref of refs) {
      const trade = deps.engine.findTrade(ref);
      if (trade && !seen.has(trade.id)) {
        seen.add(trade.id);
        trades.push(trade);
      }
    }
    sendData(ctx.res, trades);
  };
}
