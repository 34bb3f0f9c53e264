// The simulator's ground-truth and control API under /__sim/ (never part of AssetPay). Tests and
// e2e fixtures use it to read the true state, create or move trades, cut the feed, expire tokens
// and inject bad events. Same envelope and api-key header as the REST API; no rate limit.

import { z } from "zod";
import type { SimDeps } from "./deps";
import { EngineError } from "./engine/engine-error";
import { FUNDING_STATUSES, GAMES, TRADE_STATUSES, TRADE_TYPES } from "./engine/wire";
import { ApiError, sendData } from "./envelope";
import { STEAM_ID64, TRADE_URL } from "./rest/authenticate-client";
import type { Handler, Route } from "./rest/context";
import { parseOrFail, queryObject } from "./rest/validation";
import type { CallbackSender } from "./callbacks";
import type { SocketLayer } from "./socket";
import { signClientToken } from "./token";

export interface ControlDeps extends SimDeps {
  sockets: SocketLayer;
  callbacks: CallbackSender;
}

const commaSet = z
  .string()
  .transform((value) => new Set(value.split(",").map((s) => s.trim()).filter(Boolean)))
  .optional();

const stateQuery = z.object({
  game: z.enum(GAMES, "must be 730 or 252490").optional(),
  type: z.enum(TRADE_TYPES, "must be deposit or withdraw").optional(),
  status: commaSet,
  ids: commaSet,
  limit: z.coerce.number().int().min(0).optional(),
});

const createTradeBody = z.strictObject({
  status: z.enum(TRADE_STATUSES),
  game: z.enum(GAMES).optional(),
  type: z.enum(TRADE_TYPES).optional(),
  ageSeconds: z.number().min(0).max(365 * 86_400).optional(),
  externalId: z.string().min(1).max(128).optional(),
  steamId: z.string().regex(STEAM_ID64, "must be a SteamID64").optional(),
  itemName: z.string().min(1).max(200).optional(),
  stall: z.boolean().optional(),
  instant: z.boolean().optional(),
  revertedBy: z.enum(["supplier", "user"]).optional(),
  holdEndsInSeconds: z.number().int().min(-30 * 86_400).max(30 * 86_400).optional(),
});

const moveTradeBody = z.strictObject({ status: z.enum(TRADE_STATUSES), stall: z.boolean().optional() });
const injectBody = z.strictObject({
  kind: z.enum(["malformed", "unknown-status", "duplicate", "out-of-order"]),
  event: z.enum(["trade", "deposit", "withdrawal"]).optional(),
  /** malformed only: the exact payload to emit instead of the default broken one. */
  payload: z.unknown().optional(),
  /** The trade (id or externalId) or funding id to base the event on; default: the latest changed. */
  id: z.string().min(1).optional(),
});
const apiKeySocketsBody = z.strictObject({ refuse: z.boolean() });
const callbacksBody = z.strictObject({ url: z.url({ protocol: /^https?$/ }).nullable(), bearer: z.string().min(1).max(512).optional() });
const rateBody = z.strictObject({ rate: z.number().min(0).max(10_000) });
const maintenanceBody = z.strictObject({ mode: z.boolean() });
const rateLimitBody = z.strictObject({ perMinute: z.number().int().min(1) });
const fundingBody = z.strictObject({
  kind: z.enum(["deposit", "withdrawal"]),
  status: z.enum(FUNDING_STATUSES).optional(),
  /** With a status: it was reached this long ago (e.g. a withdrawal stuck awaiting admin). */
  ageSeconds: z.number().min(0).max(365 * 86_400).optional(),
});
const tokenBody = z.strictObject({
  steamId: z.string().regex(STEAM_ID64, "must be a SteamID64").optional(),
  tradeUrl: z.string().regex(TRADE_URL, "must be a Steam trade offer URL").optional(),
  clientId: z.string().max(128).optional(),
  ttlSeconds: z.number().int().min(-86_400).max(86_400 * 30).optional(),
});

/** Engine refusals → API errors. */
function engineCall<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    if (error.key === "TRADE_NOT_FOUND") throw new ApiError("TRADE_NOT_FOUND", error.message);
    if (error.key === "EXTERNAL_ID_EXISTS") throw new ApiError("EXTERNAL_ID_EXISTS", error.message);
    if (error.key === "NOTHING_TO_INJECT") throw new ApiError("NOT_FOUND", error.message);
    throw new ApiError("CONFLICT", error.message);
  }
}

/** Control routes expect a JSON object body; an empty body counts as `{}`. */
async function jsonBody(ctx: Parameters<Handler>[0]): Promise<unknown> {
  return (await ctx.body()) ?? {};
}

export function controlRoutes(deps: ControlDeps): Route[] {
  const { engine } = deps;
  return [
    {
      method: "GET",
      pattern: "/__sim/state",
      handler: (ctx) => {
        const q = parseOrFail(stateQuery, queryObject(ctx.url.searchParams));
        const snapshot = engine.snapshot({
          ...(q.game ? { game: q.game } : {}),
          ...(q.type ? { type: q.type } : {}),
          ...(q.status ? { statuses: q.status } : {}),
          ...(q.ids ? { ids: q.ids } : {}),
          ...(q.limit !== undefined ? { limit: q.limit } : {}),
        });
        sendData(ctx.res, { ...snapshot, sockets: deps.sockets.connected() });
      },
    },
    {
      method: "POST",
      pattern: "/__sim/tokens/expire",
      handler: (ctx) => {
        deps.gate.expireAll();
        sendData(ctx.res, { disconnected: deps.sockets.dropTokenSockets() });
      },
    },
    {
      method: "POST",
      pattern: "/__sim/tokens",
      handler: async (ctx) => {
        const body = parseOrFail(tokenBody, await jsonBody(ctx));
        const now = deps.clock.now();
        const token = await signClientToken(
          {
            merchantId: deps.merchantId,
            steamId: body.steamId ?? "76561198000000001",
            tradeUrl: body.tradeUrl ?? "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=SimDemo1",
            ...(body.clientId !== undefined ? { clientId: body.clientId } : {}),
            ttlSeconds: body.ttlSeconds ?? deps.tokenTtlSeconds,
            nowMs: now,
          },
          deps.apiSecret,
        );
        deps.gate.noteSeen(token, Math.floor(now / 1000));
        sendData(ctx.res, { token });
      },
    },
    {
      method: "POST",
      pattern: "/__sim/sockets/drop",
      handler: (ctx) => sendData(ctx.res, { disconnected: deps.sockets.dropAll() }),
    },
    {
      method: "POST",
      pattern: "/__sim/sockets/api-key",
      handler: async (ctx) => {
        const body = parseOrFail(apiKeySocketsBody, await jsonBody(ctx));
        const disconnected = deps.sockets.refuseApiKey(body.refuse);
        sendData(ctx.res, { refusing: body.refuse, disconnected });
      },
    },
    {
      method: "GET",
      pattern: "/__sim/callbacks",
      handler: (ctx) => sendData(ctx.res, { url: deps.callbacks.target()?.url ?? null, ...deps.callbacks.stats() }),
    },
    {
      method: "POST",
      pattern: "/__sim/callbacks",
      handler: async (ctx) => {
        const body = parseOrFail(callbacksBody, await jsonBody(ctx));
        deps.callbacks.setTarget(body.url === null ? null : { url: body.url, ...(body.bearer ? { bearer: body.bearer } : {}) });
        sendData(ctx.res, { url: body.url });
      },
    },
    {
      method: "POST",
      pattern: "/__sim/emission/pause",
      handler: (ctx) => {
        engine.setPaused(true);
        sendData(ctx.res, { paused: true });
      },
    },
    {
      method: "POST",
      pattern: "/__sim/emission/resume",
      handler: (ctx) => {
        engine.setPaused(false);
        sendData(ctx.res, { paused: false });
      },
    },
    {
      method: "POST",
      pattern: "/__sim/inject",
      handler: async (ctx) => {
        const body = parseOrFail(injectBody, await jsonBody(ctx));
        const { emitted, emission } = engineCall(() => engine.inject(body.kind, body.event, { payload: body.payload, ...(body.id ? { id: body.id } : {}) }));
        sendData(ctx.res, { emitted, event: emission.event, payload: emission.payload });
      },
    },
    {
      method: "POST",
      pattern: "/__sim/trades",
      handler: async (ctx) => {
        const body = parseOrFail(createTradeBody, await jsonBody(ctx));
        sendData(ctx.res, engineCall(() => engine.createControlTrade(body)));
      },
    },
    {
      method: "POST",
      pattern: "/__sim/trades/:id/status",
      handler: async (ctx) => {
        const body = parseOrFail(moveTradeBody, await jsonBody(ctx));
        const id = ctx.params.id ?? "";
        const trade = engine.findTrade(id);
        if (!trade) throw new ApiError("TRADE_NOT_FOUND", `Trade ${id} not found`);
        sendData(ctx.res, engineCall(() => engine.setTradeStatus(trade.id, body.status, body.stall ?? true)));
      },
    },
    {
      method: "POST",
      pattern: "/__sim/trades/:id/forget",
      handler: (ctx) => {
        const id = ctx.params.id ?? "";
        const forgotten = engine.forgetTrade(id);
        if (!forgotten) throw new ApiError("TRADE_NOT_FOUND", `Trade ${id} not found`);
        sendData(ctx.res, { forgotten });
      },
    },
    {
      method: "POST",
      pattern: "/__sim/rate",
      handler: async (ctx) => {
        const body = parseOrFail(rateBody, await jsonBody(ctx));
        engine.setRate(body.rate);
        sendData(ctx.res, { rate: engine.rate });
      },
    },
    {
      method: "POST",
      pattern: "/__sim/maintenance",
      handler: async (ctx) => {
        deps.health.maintenance = parseOrFail(maintenanceBody, await jsonBody(ctx)).mode;
        sendData(ctx.res, { maintenance: { mode: deps.health.maintenance } });
      },
    },
    {
      method: "POST",
      pattern: "/__sim/rate-limit",
      handler: async (ctx) => {
        const body = parseOrFail(rateLimitBody, await jsonBody(ctx));
        deps.limiter.perMinute = body.perMinute;
        sendData(ctx.res, { perMinute: deps.limiter.perMinute });
      },
    },
    {
      method: "GET",
      pattern: "/__sim/stats",
      handler: (ctx) => sendData(ctx.res, { rest: { ...deps.limiter.totals } }),
    },
    {
      method: "POST",
      pattern: "/__sim/funding",
      handler: async (ctx) => {
        const body = parseOrFail(fundingBody, await jsonBody(ctx));
        sendData(ctx.res, engine.createControlFunding(body.kind, body.status, body.ageSeconds));
      },
    },
  ];
}
