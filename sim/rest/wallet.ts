// GET /v1/wallets/me/balance (see docs/assetpay-api.md), derived from the engine's ground truth.

import type { SimDeps } from "../deps";
import { sendData } from "../envelope";
import type { Handler } from "./context";

export function walletBalance(deps: SimDeps): Handler {
  return (ctx) => sendData(ctx.res, deps.engine.walletBalance());
}
