// The shared pieces a running simulator hands to its REST, control and socket layers.

import type { Engine } from "./engine/engine";
import type { Clock } from "./engine/time";
import type { SimHealth } from "./rest/health";
import type { RateLimiter } from "./rest/rate-limit";
import type { TokenGate } from "./token-gate";

export interface SimDeps {
  engine: Engine;
  apiKey: string;
  apiSecret: string;
  merchantId: string;
  tokenTtlSeconds: number;
  clock: Clock;
  gate: TokenGate;
  limiter: RateLimiter;
  health: SimHealth;
}
