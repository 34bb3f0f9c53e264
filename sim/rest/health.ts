// `GET /health`: no api-key, no rate limit, `{ status, timestamp, uptime, maintenance: { mode } }` like
// AssetPay's (docs/assetpay-api.md#health). The control API switches maintenance mode on and off, so
// tests can check that the dashboard's banner says so.
import type { ServerResponse } from "node:http";
import type { Clock } from "../engine/time";

export interface SimHealth {
  maintenance: boolean;
  readonly startedAt: number;
}

export function createSimHealth(clock: Clock): SimHealth {
  return { maintenance: false, startedAt: clock.now() };
}

export function sendHealth(res: ServerResponse, health: SimHealth, clock: Clock): void {
  const now = clock.now();
  const text = JSON.stringify({
    status: health.maintenance ? "maintenance" : "ok",
    timestamp: new Date(now).toISOString(),
    uptime: Math.max(0, Math.floor((now - health.startedAt) / 1000)),
    maintenance: { mode: health.maintenance },
  });
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
