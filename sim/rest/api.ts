// The AssetPay REST surface the simulator serves: route table plus the request pipeline
// (route → api-key → rate limit → handler) and the control API gate. Any thrown ApiError becomes
// an error envelope; anything else is a 500 SERVER_ERROR (and a log line, since it is our bug).

import type { IncomingMessage, ServerResponse } from "node:http";
import { controlRoutes, type ControlDeps } from "../control";
import { ApiError, sendError } from "../envelope";
import { requireApiKey } from "./api-key";
import { authenticateClient } from "./authenticate-client";
import { bodyReader, matchRoute, type Route } from "./context";
import { sendHealth } from "./health";
import { ledgerTransactions } from "./ledger";
import { getTrades, listTrades } from "./trades";
import { walletBalance } from "./wallet";

export function createRequestHandler(deps: ControlDeps, options: { control: boolean }) {
  const apiRoutes: Route[] = [
    { method: "POST", pattern: "/auth/authenticate-client", handler: authenticateClient(deps) },
    { method: "GET", pattern: "/secure/trades", handler: listTrades(deps) },
    { method: "GET", pattern: "/secure/trades/:refs", handler: getTrades(deps) },
    { method: "GET", pattern: "/v1/wallets/me/balance", handler: walletBalance(deps) },
    { method: "GET", pattern: "/v1/ledger/transactions", handler: ledgerTransactions(deps) },
  ];
  const simRoutes = options.control ? controlRoutes(deps) : [];

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? "/", "http://sim.local");
      const method = req.method ?? "GET";
      if (method === "GET" && url.pathname === "/health") {
        // Like AssetPay's: no api-key and outside the rate limit.
        sendHealth(res, deps.health, deps.clock);
        return;
      }
      const isControl = url.pathname === "/__sim" || url.pathname.startsWith("/__sim/");
      const match = matchRoute(isControl ? simRoutes : apiRoutes, method, url.pathname);
      if (!match) throw new ApiError("NOT_FOUND", `No route for ${method} ${url.pathname}`);
      const key = requireApiKey(req, deps.apiKey);
      if (!isControl) {
        const verdict = deps.limiter.take(key);
        if (!verdict.ok) {
          throw new ApiError("RATE_LIMITED", "Too many requests", undefined, { "retry-after": String(verdict.retryAfterSeconds) });
        }
      }
      await match.route.handler({ req, res, url, params: match.params, body: bodyReader(req) });
    } catch (error) {
      if (res.headersSent) return;
      if (error instanceof ApiError) {
        sendError(res, error);
        return;
      }
      console.error("[sim] unhandled error", error);
      sendError(res, new ApiError("SERVER_ERROR", "Internal simulator error"));
    }
  };
}
