// Forwarded callback ingest: signed AssetPay callbacks POSTed to the built dashboard's
// /api/assetpay/callbacks (bearer CALLBACK_FORWARD_TOKEN, X-AssetPay-Signature over the raw body, as
// sim/callbacks.ts signs them), which verifies each and hands it to the recorder (PGlite) to dedupe by
// delivery id and record. Each delivery carries a different trade the recorder has not seen: the
// simulator's emission is paused while they are created, so only the callbacks tell the recorder.
// Closed loop at a fixed concurrency (AssetPay's own sender keeps up to 8 in flight); latency is
// measured by the client (Node fetch on the same 2-core machine), from send to full answer.
import { randomBytes, randomUUID } from "node:crypto";
import { simRequestTo } from "@/e2e/support/sim-control";
import { signatureHeader } from "@/lib/assetpay/callback-signature";
import { ms, pool, startStack, summarize } from "./support";

const DELIVERIES = 2_000;
const WARM_UP = 100;
const CONCURRENCY = 8;

export interface CallbackIngestFigures {
  deliveries: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  outcomes: Record<string, number>;
}

export async function runCallbackIngestBench(options: { log?: (line: string) => void; deliveries?: number } = {}): Promise<CallbackIngestFigures> {
  const log = options.log ?? console.log;
  const deliveries = options.deliveries ?? DELIVERIES;
  const forwardToken = randomBytes(32).toString("base64url");
  const stack = await startStack("callbacks", {
    // ASSETPAY_API_SECRET (which verifies callbacks) comes with local signing.
    apps: [{ label: "app", localSigning: true, extraEnv: { CALLBACK_FORWARD_TOKEN: forwardToken } }],
    recorder: {},
  });
  try {
    const app = stack.apps[0];
    if (!app) throw new Error("no app");
    const sim = stack.sim;
    await simRequestTo(sim, "POST", "/__sim/emission/pause");
    const total = deliveries + WARM_UP;
    await pool(Array.from({ length: total }, (_, i) => i), 8, (i) =>
      simRequestTo(sim, "POST", "/__sim/trades", { status: ["pending", "active", "hold", "completed"][i % 4], stall: true }),
    );
    const state = await simRequestTo<{ trades: unknown[] }>(sim, "GET", `/__sim/state?limit=${total}`);
    if (state.trades.length < total) throw new Error(`the simulator holds ${state.trades.length} trades, expected ${total}`);
    // Bodies as AssetPay sends them: `{ trade }`, signed over these exact bytes just before sending.
    const bodies = state.trades.map((trade) => JSON.stringify({ trade }));
    const statuses: Record<string, number> = {};
    const outcomes: Record<string, number> = {};
    const deliver = async (body: string, into: number[] | null): Promise<void> => {
      const deliveryId = `dlv_${randomUUID()}`;
      const t0 = performance.now();
      const response = await fetch(`${app.url}/api/assetpay/callbacks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${forwardToken}`,
          "x-assetpay-signature": signatureHeader(sim.apiSecret, deliveryId, new Date().toISOString(), Buffer.from(body)),
        },
        body,
      });
      const answer = (await response.json().catch(() => null)) as { outcome?: string; error?: { code?: string } } | null;
      const elapsed = performance.now() - t0;
      if (!into) return;
      into.push(elapsed);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      const outcome = answer?.outcome ?? answer?.error?.code ?? "unreadable";
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    };
    // Warm-up: route compilation, the recorder's loopback connection, JIT.
    await pool(bodies.slice(deliveries), CONCURRENCY, (body) => deliver(body, null));
    const samples: number[] = [];
    const started = performance.now();
    await pool(bodies.slice(0, deliveries), CONCURRENCY, (body) => deliver(body, samples));
    const wallMs = performance.now() - started;
    const s = summarize(samples);
    const figures: CallbackIngestFigures = { deliveries: s.n, perSecond: (s.n / wallMs) * 1000, p50: s.p50, p95: s.p95, p99: s.p99, statuses, outcomes };
    const list = (counts: Record<string, number>) => Object.entries(counts).map(([key, n]) => `${n}× ${key}`).join(", ");
    log(
      `  ${s.n} signed deliveries (new trades) at concurrency ${CONCURRENCY}: ${figures.perSecond.toFixed(0)} deliveries/s; ` +
        `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)}; HTTP ${list(statuses)}; outcomes ${list(outcomes)}`,
    );
    return figures;
  } finally {
    await stack.stop();
  }
}

if (require.main === module) void runCallbackIngestBench();
