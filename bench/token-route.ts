// Token route benchmark (issue #7): POST /api/assetpay/token latency with 50 requests always in
// flight, in both minting modes — AssetPay's POST /auth/authenticate-client (here the simulator) and
// local HS256 signing (ASSETPAY_API_SECRET). Each of the 50 concurrent callers is its own signed-in
// session, as 50 browser tabs would be, and stays under the per-session limit (30/min).
// Latency is measured by the client (Node fetch on the same 2-core machine), from send to full body.
import { ms, pool, signInOverHttp, startStack, summarize } from "./support";

export interface TokenRouteFigures {
  mode: string;
  concurrency: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
  failures: number;
}

const CONCURRENCY = 50;
/** Requests per session: 25 + 1 warm-up stays under the 30/min per-session limit. */
const ROUNDS = 25;

async function measure(appUrl: string, cookies: string[], rounds: number, concurrency = CONCURRENCY): Promise<{ samples: number[]; failures: number; wallMs: number }> {
  const samples: number[] = [];
  let failures = 0;
  const started = performance.now();
  // Closed loop: each session sends its next request as soon as its previous one answered.
  await pool(cookies, concurrency, async (cookie) => {
    for (let r = 0; r < rounds; r += 1) {
      const t0 = performance.now();
      const response = await fetch(`${appUrl}/api/assetpay/token`, { method: "POST", headers: { cookie, origin: appUrl } });
      const body = await response.text();
      const elapsed = performance.now() - t0;
      if (response.status === 200 && body.includes('"token"')) samples.push(elapsed);
      else failures += 1;
    }
  });
  return { samples, failures, wallMs: performance.now() - started };
}

export async function runTokenRouteBench(log: (line: string) => void = console.log): Promise<TokenRouteFigures[]> {
  const stack = await startStack("token", {
    apps: [
      { label: "api-minting" },
      { label: "local-signing", localSigning: true },
    ],
  });
  const out: TokenRouteFigures[] = [];
  try {
    const modes = ["minted by AssetPay API (simulator)", "signed locally (HS256)"];
    for (const [index, app] of stack.apps.entries()) {
      const mode = modes[index] ?? app.url;
      const cookies: string[] = [];
      for (let i = 0; i < CONCURRENCY; i += 1) cookies.push(await signInOverHttp(app.url, stack.staff));
      await measure(app.url, cookies, 1); // warm-up: JIT, route compilation, connection pools
      const { samples, failures, wallMs } = await measure(app.url, cookies, ROUNDS);
      const s = summarize(samples);
      const figures = { mode, concurrency: CONCURRENCY, requests: s.n, p50: s.p50, p95: s.p95, p99: s.p99, max: s.max, perSecond: (s.n / wallMs) * 1000, failures };
      out.push(figures);
      log(
        `  token route, ${mode}: ${CONCURRENCY} concurrent, ${s.n} requests: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, ` +
          `max ${ms(s.max)}; ${figures.perSecond.toFixed(0)} req/s; ${failures} failed`,
      );
      // For scale: the same route with one request in flight (fresh sessions: the limit is per session).
      const fresh: string[] = [];
      for (let i = 0; i < 4; i += 1) fresh.push(await signInOverHttp(app.url, stack.staff));
      const one = await measure(app.url, fresh, ROUNDS, 1);
      const o = summarize(one.samples);
      out.push({ mode, concurrency: 1, requests: o.n, p50: o.p50, p95: o.p95, p99: o.p99, max: o.max, perSecond: (o.n / one.wallMs) * 1000, failures: one.failures });
      log(`  token route, ${mode}: 1 in flight, ${o.n} requests: p50 ${ms(o.p50)}, p95 ${ms(o.p95)}, p99 ${ms(o.p99)}, max ${ms(o.max)}; ${one.failures} failed`);
    }
  } finally {
    await stack.stop();
  }
  return out;
}

if (require.main === module) void runTokenRouteBench();
