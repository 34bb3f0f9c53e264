// startSimulator(): one node:http server on 127.0.0.1 serving the AssetPay REST API, Socket.IO at
// /socket.io and (unless turned off) the /__sim control API, over one scenario engine.
// Used by the CLI (main.ts), the conformance tests and e2e fixtures. Never imports app code.

import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type CallbackSender, startCallbackSender } from "./callbacks";
import { Engine } from "./engine/engine";
import { systemClock, type Clock } from "./engine/time";
import { createRequestHandler } from "./rest/api";
import { createSimHealth } from "./rest/health";
import { RateLimiter } from "./rest/rate-limit";
import { attachSockets } from "./socket";
import { signClientToken } from "./token";
import { TokenGate } from "./token-gate";

/** Mirrors the SIM_* environment variables (see config.ts / README). All optional. */
export interface SimulatorOptions {
  /** 0 = any free port. Default 4010. */
  port?: number;
  host?: string;
  /** `ap_...`; generated when absent. */
  apiKey?: string;
  /** Generated (randomBytes) when absent. */
  apiSecret?: string;
  merchantId?: string;
  tokenTtlSeconds?: number;
  rateLimitPerMin?: number;
  disconnectOnExpiry?: boolean;
  /** Same seed → same trades in the same order. Generated when absent. */
  seed?: string;
  /** Simulated seconds per real second. */
  speed?: number;
  /** New trades per second. */
  rate?: number;
  initialTrades?: number;
  /** false = the whole /__sim API answers 404. */
  control?: boolean;
  maxTerminalTrades?: number;
  /** Wall clock for timestamps, token times and rate windows. */
  clock?: Clock;
  /** Engine tick interval (ms). */
  tickMs?: number;
  /** Where signed trade callbacks go (SIM_CALLBACK_URL); none when absent. Changeable via /__sim/callbacks. */
  callbackUrl?: string;
  /** `Authorization: Bearer …` on each callback (SIM_CALLBACK_BEARER), as a merchant's forwarder would add. */
  callbackBearer?: string;
}

export interface RunningSimulator {
  /** http://host:port — REST base and Socket.IO origin. */
  url: string;
  host: string;
  port: number;
  apiKey: string;
  apiSecret: string;
  merchantId: string;
  seed: string;
  engine: Engine;
  callbacks: CallbackSender;
  /** A client token signed like AssetPay's, for this merchant. */
  mintToken(options?: { steamId?: string; tradeUrl?: string; clientId?: string; ttlSeconds?: number }): Promise<string>;
  close(): Promise<void>;
}

export const SIM_DEFAULTS = {
  port: 4010,
  host: "127.0.0.1",
  merchantId: "mrc_7f3c2a91-5d4e-4b8a-9c61-0e2f8d4b7a15",
  tokenTtlSeconds: 86_400,
  rateLimitPerMin: 3000,
  disconnectOnExpiry: true,
  speed: 1,
  rate: 2,
  initialTrades: 200,
  control: true,
  /** Terminal trades retained before the oldest are dropped: ~2.4 KB of heap each, so ~250 MB at the cap. */
  maxTerminalTrades: 100_000,
} as const;

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const o = { ...SIM_DEFAULTS, ...stripUndefined(options) };
  const clock = options.clock ?? systemClock;
  const apiKey = options.apiKey ?? `ap_sim_${randomBytes(16).toString("hex")}`;
  const apiSecret = options.apiSecret ?? randomBytes(32).toString("base64url");
  const seed = options.seed ?? randomBytes(4).toString("hex");

  const engine = new Engine({
    merchantId: o.merchantId,
    seed,
    speed: o.speed,
    rate: o.rate,
    initialTrades: o.initialTrades,
    maxTerminalTrades: o.maxTerminalTrades,
    clock,
    ...(options.tickMs !== undefined ? { tickMs: options.tickMs } : {}),
  });
  const gate = new TokenGate(apiSecret, o.merchantId, clock);
  const limiter = new RateLimiter(o.rateLimitPerMin, clock);
  // The REST listener must be registered before Socket.IO attaches: Socket.IO wraps the listeners
  // present at attach time and only hands them requests outside /socket.io/.
  let handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async () => {};
  const httpServer = createServer((req, res) => void handle(req, res));
  const sockets = attachSockets(httpServer, {
    engine,
    apiKey,
    merchantId: o.merchantId,
    gate,
    clock,
    disconnectOnExpiry: o.disconnectOnExpiry,
  });
  const health = createSimHealth(clock);
  const callbacks = startCallbackSender({
    engine,
    apiSecret,
    clock,
    target: options.callbackUrl ? { url: options.callbackUrl, ...(options.callbackBearer ? { bearer: options.callbackBearer } : {}) } : null,
  });
  const deps = { engine, apiKey, apiSecret, merchantId: o.merchantId, tokenTtlSeconds: o.tokenTtlSeconds, clock, gate, limiter, health, sockets, callbacks };
  handle = createRequestHandler(deps, { control: o.control });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(o.port, o.host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  engine.start();
  const port = (httpServer.address() as AddressInfo).port;
  const urlHost = o.host.includes(":") ? `[${o.host}]` : o.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    host: o.host,
    port,
    apiKey,
    apiSecret,
    merchantId: o.merchantId,
    seed,
    engine,
    callbacks,
    mintToken: (t = {}) =>
      signClientToken(
        {
          merchantId: o.merchantId,
          steamId: t.steamId ?? "76561198000000001",
          tradeUrl: t.tradeUrl ?? "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=SimDemo1",
          ...(t.clientId !== undefined ? { clientId: t.clientId } : {}),
          ttlSeconds: t.ttlSeconds ?? o.tokenTtlSeconds,
          nowMs: clock.now(),
        },
        apiSecret,
      ),
    close: () =>
      (closing ??= (async () => {
        engine.stop();
        callbacks.close();
        const closed = sockets.close();
        // Keep-alive REST connections would otherwise hold the server open.
        httpServer.closeAllConnections();
        await closed;
      })()),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
