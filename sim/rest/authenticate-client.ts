// POST /auth/authenticate-client (see docs/assetpay-api.md): validates the closed body and returns { token }.

import { z } from "zod";
import type { SimDeps } from "../deps";
import { sendData } from "../envelope";
import { clientDataSchema, signClientToken } from "../token";
import type { Handler } from "./context";
import { parseOrFail } from "./validation";

export const STEAM_ID64 = /^76561\d{12}$/;
export const TRADE_URL = /^https:\/\/steamcommunity\.com\/tradeoffer\/new\/\?partner=\d{1,10}&token=[A-Za-z0-9_-]{8}$/;

const bodySchema = z.strictObject(
  {
    clientSteamId: z.string().regex(STEAM_ID64, "must be a SteamID64: 17 digits starting with 76561"),
    clientTradeUrl: z
      .string()
      .regex(TRADE_URL, "must be https://steamcommunity.com/tradeoffer/new/?partner=<1-10 digits>&token=<8 chars>"),
    clientId: z.string().max(128, "at most 128 characters").optional(),
    clientData: clientDataSchema.optional(),
  },
  { error: "expected a JSON object" },
);

export function authenticateClient(deps: SimDeps): Handler {
  return async (ctx) => {
    const body = parseOrFail(bodySchema, await ctx.body());
    const token = await signClientToken(
      {
        merchantId: deps.merchantId,
        steamId: body.clientSteamId,
        tradeUrl: body.clientTradeUrl,
        ...(body.clientId !== undefined ? { clientId: body.clientId } : {}),
        ...(body.clientData ? { clientData: body.clientData } : {}),
        ttlSeconds: deps.tokenTtlSeconds,
        nowMs: deps.clock.now(),
      },
      deps.apiSecret,
    );
    deps.gate.noteSeen(token, Math.floor(deps.clock.now() / 1000));
    sendData(ctx.res, { token });
  };
}
