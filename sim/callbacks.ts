// Signed callbacks, delivered like AssetPay delivers them to a merchant's backend (docs/assetpay-api.md,
// callbacks): one POST of `{ trade }` per trade status change the engine emits, each with a fresh
// delivery id, header `X-AssetPay-Signature: t=<ISO>,id=<deliveryId>,s=<hex HMAC-SHA256 with the API
// secret over deliveryId.t.rawBody>`; a non-2xx answer (or no answer) is retried with growing delays and
// the SAME delivery id, re-signed with a fresh `t`. An optional bearer stands in for what a merchant's
// backend adds when it forwards the copy to the dashboard (demo mode points this straight at it).
// Deliveries run a few at a time from a bounded queue, so a burst never opens thousands of requests.

import { createHmac, randomUUID } from "node:crypto";
import type { Engine } from "./engine/engine";
import type { Clock } from "./engine/time";

export interface CallbackTarget {
  url: string;
  /** Sent as `Authorization: Bearer …` when set. */
  bearer?: string;
}

export interface CallbackStats {
  delivered: number;
  retries: number;
  /** Deliveries given up after the last attempt. */
  failed: number;
  /** Dropped because the queue was full (the target is far too slow or down for long). */
  dropped: number;
  pending: number;
}

export interface CallbackSender {
  target(): CallbackTarget | null;
  setTarget(target: CallbackTarget | null): void;
  stats(): CallbackStats;
  /** Resolves when nothing is queued or in flight (tests). */
  idle(): Promise<void>;
  close(): void;
}

/** Delays before the 2nd, 3rd, … attempt. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000] as const;
const CONCURRENCY = 8;
const MAX_QUEUE = 20_000;
const ATTEMPT_TIMEOUT_MS = 10_000;

interface Delivery {
  deliveryId: string;
  body: string;
  attempt: number;
}

export function signCallback(secret: string, deliveryId: string, t: string, body: string): string {
  const s = createHmac("sha256", secret).update(`${deliveryId}.${t}.`).update(body).digest("hex");
  return `t=${t},id=${deliveryId},s=${s}`;
}

export function startCallbackSender(options: {
  engine: Engine;
  apiSecret: string;
  clock: Clock;
  target?: CallbackTarget | null;
  retryDelaysMs?: readonly number[];
  fetch?: typeof fetch;
}): CallbackSender {
  const doFetch = options.fetch ?? fetch;
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  let target = options.target ?? null;
  const queue: Delivery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const stats = { delivered: 0, retries: 0, failed: 0, dropped: 0 };
  let inFlight = 0;
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  function settleIdle(): void {
    if (queue.length === 0 && inFlight === 0 && timers.size === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  }

  async function attempt(delivery: Delivery): Promise<boolean> {
    const current = target;
    if (!current) return false;
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-assetpay-signature": signCallback(options.apiSecret, delivery.deliveryId, new Date(options.clock.now()).toISOString(), delivery.body),
    };
    if (current.bearer) headers.authorization = `Bearer ${current.bearer}`;
    try {
      const response = await doFetch(current.url, { method: "POST", headers, body: delivery.body, signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });
      await response.arrayBuffer().catch(() => undefined);
      return response.status >= 200 && response.status < 300;
    } catch {
      return false;
    }
  }

  function pump(): void {
    while (!closed && inFlight < CONCURRENCY && queue.length > 0) {
      const delivery = queue.shift() as Delivery;
      inFlight += 1;
      void attempt(delivery).then((ok) => {
        inFlight -= 1;
        if (ok) stats.delivered += 1;
        else if (delivery.attempt < delays.length && !closed) {
          const wait = delays[delivery.attempt] ?? 0;
          stats.retries += 1;
          const timer = setTimeout(() => {
            timers.delete(timer);
            queue.push({ ...delivery, attempt: delivery.attempt + 1 });
            pump();
          }, wait);
          timer.unref();
          timers.add(timer);
        } else stats.failed += 1;
        pump();
        settleIdle();
      });
    }
  }

  const unsubscribe = options.engine.onEmission(({ event, payload }) => {
    if (!target || event !== "trade" || typeof payload !== "object" || payload === null || !("trade" in payload)) return;
    if (queue.length >= MAX_QUEUE) {
      stats.dropped += 1;
      return;
    }
    queue.push({ deliveryId: `dlv_${randomUUID()}`, body: JSON.stringify({ trade: payload.trade }), attempt: 0 });
    pump();
  });

  return {
    target: () => target,
    setTarget(next) {
      target = next;
    },
    stats: () => ({ ...stats, pending: queue.length + inFlight + timers.size }),
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      }),
    close() {
      closed = true;
      unsubscribe();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      queue.length = 0;
      settleIdle();
    },
  };
}
