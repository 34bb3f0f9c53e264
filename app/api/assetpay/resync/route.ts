// POST { tradeIds }: fresh AssetPay state for the trades a browser holds as in flight, plus recent
// funding. Called after every reconnect and when a hidden tab becomes visible.
import { z } from "zod";
import { resyncFromAssetPay } from "@/lib/assetpay/resync";
import { requireStaffApi } from "@/lib/auth";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { jsonError, noStoreJson } from "@/lib/http/json";

const MAX_TRADE_IDS = 100_000;
const bodySchema = z.object({ tradeIds: z.array(z.string().min(1).max(128)).max(MAX_TRADE_IDS) });

export async function POST(request: Request) {
  if (!isSameOrigin(request.headers)) return jsonError(403, "cross_origin", "Resync requests must come from the dashboard's own pages.");
  const gate = await requireStaffApi();
  if (!gate.ok) return gate.response;
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) {
    return jsonError(400, "invalid_body", `Expected { tradeIds: string[] } with at most ${MAX_TRADE_IDS} ids of 1-128 characters.`);
  }
  return noStoreJson(await resyncFromAssetPay(body.data.tradeIds));
}
