// Asks our own `/api/assetpay/health` route (never AssetPay directly) whether AssetPay reports
// maintenance, for the connection manager while reconnecting keeps failing. Any failure is "unknown":
// the banner then keeps saying what it knows.
import { z } from "zod";
import type { HealthVerdict } from "./connection-manager";

const healthResponseSchema = z.object({ maintenance: z.boolean(), reachable: z.boolean() });

export async function fetchHealthVerdict(fetchHealth: () => Promise<Response> = defaultFetch): Promise<HealthVerdict> {
  try {
    const response = await fetchHealth();
    if (!response.ok) return "unknown";
    const parsed = healthResponseSchema.safeParse(await response.json());
    if (!parsed.success || !parsed.data.reachable) return "unknown";
    return parsed.data.maintenance ? "maintenance" : "up";
  } catch {
    return "unknown";
  }
}

const defaultFetch = () =>
  fetch("/api/assetpay/health", { credentials: "same-origin", cache: "no-store", headers: { accept: "application/json" } });
