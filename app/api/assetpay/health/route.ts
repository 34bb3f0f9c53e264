// GET: whether AssetPay reports maintenance, for the connection banner while reconnecting keeps
// failing. Staff only; AssetPay's answer is cached server-side (lib/assetpay/assetpay-health.ts).
import { createHealthReader } from "@/lib/assetpay/assetpay-health";
import { env } from "@/lib/env/server";
import { noStoreJson } from "@/lib/http/json";
import { withStaff } from "@/lib/http/with-staff";

export const dynamic = "force-dynamic";

let readHealth: ReturnType<typeof createHealthReader> | null = null;

export const GET = withStaff(async () => {
  readHealth ??= createHealthReader({ apiUrl: env().apiUrl });
  return noStoreJson(await readHealth());
});
