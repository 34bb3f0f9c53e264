// AssetPay's `GET /health` (no auth; `{ status, maintenance: { mode } }`, docs/assetpay-api.md#health),
// read for the connection banner when the browser's reconnecting keeps failing, so it can say
// "AssetPay reports maintenance" instead of guessing. One answer is shared by every tab for
// HEALTH_CACHE_MS and concurrent askers share one request, so a room of failing tabs costs AssetPay
// at most one call per interval. Server-only: the browser never calls AssetPay's REST API itself.
import "server-only";
import { z } from "zod";

export const HEALTH_CACHE_MS = 15_000;
const HEALTH_TIMEOUT_MS = 5_000;

export interface AssetPayHealth {
  /** AssetPay answered and says it is in maintenance. */
  maintenance: boolean;
  /** AssetPay answered at all (false: unreachable, timed out or an unexpected answer). */
  reachable: boolean;
  /** When this server read it (ISO). */
  checkedAt: string;
}

const modeSchema = z.union([z.boolean(), z.string(), z.null()]).optional();
const healthBodySchema = z.object({
  status: z.string().optional(),
  maintenance: z.object({ mode: modeSchema }).partial().nullable().optional(),
});

/** The SDK reads `maintenance.mode`; a flag or a word like "on"/"scheduled" both mean maintenance. */
function inMaintenance(mode: boolean | string | null | undefined): boolean {
  if (typeof mode === "boolean") return mode;
  if (typeof mode !== "string") return false;
  return !["", "off", "false", "none", "disabled", "inactive"].includes(mode.trim().toLowerCase());
}

/** Parses the body, bare or inside AssetPay's `{ success, data }` envelope (which one /health uses is not documented). */
export function parseHealthBody(body: unknown): { maintenance: boolean } | null {
  const inner = z.object({ data: z.unknown() }).safeParse(body);
  const parsed = healthBodySchema.safeParse(inner.success && inner.data.data !== undefined ? inner.data.data : body);
  if (!parsed.success) return null;
  return { maintenance: inMaintenance(parsed.data.maintenance?.mode) };
}

export interface HealthReaderOptions {
  apiUrl: string;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  now?: () => number;
}

export function createHealthReader(options: HealthReaderOptions): () => Promise<AssetPayHealth> {
  const doFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const now = options.now ?? Date.now;
  const url = `${options.apiUrl.replace(/\/+$/, "")}/health`;
  let cached: { at: number; health: AssetPayHealth } | null = null;
  let inFlight: Promise<AssetPayHealth> | null = null;

  async function read(): Promise<AssetPayHealth> {
    const checkedAt = new Date(now()).toISOString();
    try {
      const response = await doFetch(url, {
        headers: { accept: "application/json" },
        cache: "no-store",
        redirect: "error",
        signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
      });
      const body: unknown = await response.json().catch(() => null);
      const parsed = parseHealthBody(body);
      // A 503 with a maintenance body is still an answer: that is how a service in maintenance replies.
      return parsed ? { maintenance: parsed.maintenance, reachable: true, checkedAt } : { maintenance: false, reachable: false, checkedAt };
    } catch {
      return { maintenance: false, reachable: false, checkedAt };
    }
  }

  return () => {
    if (cached && now() - cached.at < HEALTH_CACHE_MS) return Promise.resolve(cached.health);
    inFlight ??= read()
      .then((health) => {
        cached = { at: now(), health };
        return health;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
}
