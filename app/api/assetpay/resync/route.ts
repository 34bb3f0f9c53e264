// POST { tradeIds }: fresh AssetPay state for the trades a browser holds as in flight, plus recent
// funding. Called after every reconnect and when a hidden tab becomes visible.
import { z } from "zod";
import { resyncFromAssetPay } from "@/lib/assetpay/resync";
import { jsonError, noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";

const MAX_TRADE_IDS = 100_000;
const bodySchema = z.object({ tradeIds: z.array(z.string().min(1).max(128)).max(MAX_TRADE_IDS) });

export const POST = withStaff(
  async (request) => {
    const body = bodySchema.safeParse(await request.json().catch(() => null));
    if (!body.success) {
      return jsonError(400, "invalid_body", `Expected { tradeIds: string[] } with at most ${MAX_TRADE_IDS} ids of 1-128 characters.`);
    }
    return noStoreJson(await resyncFromAssetPay(body.data.tradeIds));
  },
  { sameOriginOnly: "Resync requests must come from the dashboard's own pages." },
);
