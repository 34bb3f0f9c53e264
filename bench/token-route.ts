// Token route benchmark: POST /api/assetpay/token latency in both minting modes — AssetPay's
// POST /auth/authenticate-client (here the simulator) and local HS256 signing (ASSETPAY_API_SECRET) —
// under three loads, each from its own fresh signed-in sessions (the limit is 30 a minute per session):
// - "50 sessions at their limit": 50 tabs each asking once every 2 s (30/min, the most the route
//   grants a session), spread over the interval: the heaviest load the route lets through.
// - "50 in flight": 50 sessions each sending 25 requests back to back (closed loop). Latency there is
//   queueing behind the server's throughput, which this load measures.
// - "1 in flight": the route's own latency.
// Each session first loads the board, as a tab does before it asks for a token; that page's session
// check leaves the session in the verified-session memo. A last line measures sessions that did not.
// Latency is measured by the client (Node fetch on the same 2-core machine), from send to full body.
// BENCH_PROFILE_DIR=dir also writes the dashboard server's CPU profile there.
import { ms, pool, serverProfileOptions, signInOverHttp, startStack, summarize } from "./support";

export interface TokenRouteFigures {
  mode: string;
  load: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
  failures: number;
}

const SESSIONS = 50;
/** Back-to-back requests per session: 25 + 1 warm-up stays under the 30/min per-session limit. */
const BURST_ROUNDS = 25;
/** The per-session limit, 30 a minute, as an interval. */
const AT_LIMIT_INTERVAL_MS = 2_000;
const AT_LIMIT_ROUNDS = 15;

interface Samples {
  samples: number[];
  failures: number;
  wallMs: number;
}

async function requestToken(appUrl: string, cookie: string, into: Samples): Promise<void> {
  const t0 = performance.now();
  const response = await fetch(`${appUrl}/api/assetpay/token`, { method: "POST", headers: { cookie, origin: appUrl } });
  const body = await response.text();
  const elapsed = performance.now() - t0;
  if (response.status === 200 && body.includes('"token"')) into.samples.push(elapsed);
  else into.failures += 1;
}

/** Closed loop: each session sends its next request as soon as its previous one answered. */
async function closedLoop(appUrl: string, cookies: string[], rounds: number, concurrency: number): Promise<Samples> {
  const out: Samples = { samples: [], failures: 0, wallMs: 0 };
  const started = performance.now();
  await pool(cookies, concurrency, async (cookie) => {
    for (let r = 0; r < rounds; r += 1) await requestToken(appUrl, cookie, out);
  });
  out.wallMs = performance.now() - started;
  return out;
}

/** Open loop: each session asks on its own fixed schedule, whatever the answers take. */
async function atSessionLimit(appUrl: string, cookies: string[]): Promise<Samples> {
  const out: Samples = { samples: [], failures: 0, wallMs: 0 };
  const started = performance.now();
  const pending: Promise<void>[] = [];
  cookies.forEach((cookie, index) => {
    const offset = (index / cookies.length) * AT_LIMIT_INTERVAL_MS;
    for (let r = 0; r < AT_LIMIT_ROUNDS; r += 1) {
      pending.push(new Promise<void>((resolve) => setTimeout(() => void requestToken(appUrl, cookie, out).finally(resolve), offset + r * AT_LIMIT_INTERVAL_MS)));
    }
  });
  await Promise.all(pending);
  out.wallMs = performance.now() - started;
  return out;
}

/** Signed-in sessions that have each loaded the board once, as a tab has before it asks for a token. */
async function signInMany(appUrl: string, staff: Parameters<typeof signInOverHttp>[1], count: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const cookie = await signInOverHttp(appUrl, staff);
    const board = await fetch(`${appUrl}/board`, { headers: { cookie } });
    await board.text();
    if (board.status !== 200) throw new Error(`the board answered HTTP ${board.status} after sign-in`);
    cookies.push(cookie);
  }
  return cookies;
}

/** The first request of sessions that never loaded a page: the session check runs in full each time. */
async function firstRequestOfNewSessions(appUrl: string, staff: Parameters<typeof signInOverHttp>[1], count: number): Promise<Samples> {
  const out: Samples = { samples: [], failures: 0, wallMs: 0 };
  for (let i = 0; i < count; i += 1) {
    const cookie = await signInOverHttp(appUrl, staff);
    const started = performance.now();
    await requestToken(appUrl, cookie, out);
    out.wallMs += performance.now() - started;
  }
  return out;
}

export async function runTokenRouteBench(log: (line: string) => void = console.log): Promise<TokenRouteFigures[]> {
  const stack = await startStack("token", {
    apps: [
      { label: "api-minting", ...serverProfileOptions() },
      { label: "local-signing", localSigning: true, ...serverProfileOptions() },
    ],
  });
  const out: TokenRouteFigures[] = [];
  const report = (mode: string, load: string, run: Samples) => {
    const s = summarize(run.samples);
    const figures: TokenRouteFigures = { mode, load, requests: s.n, p50: s.p50, p95: s.p95, p99: s.p99, max: s.max, perSecond: (s.n / run.wallMs) * 1000, failures: run.failures };
    out.push(figures);
    log(
      `  token route, ${mode}, ${load}: ${s.n} requests: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)}; ` +
        `${figures.perSecond.toFixed(0)} req/s; ${run.failures} failed`,
    );
  };
  try {
    const modes = ["minted by AssetPay API (simulator)", "signed locally (HS256)"];
    for (const [index, app] of stack.apps.entries()) {
      const mode = modes[index] ?? app.url;
      // Warm-up on sessions of its own: JIT, route compilation, connection pools.
      await closedLoop(app.url, await signInMany(app.url, stack.staff, 10), 3, 10);
      report(mode, `${SESSIONS} sessions at their limit (1 per ${AT_LIMIT_INTERVAL_MS / 1000} s each)`, await atSessionLimit(app.url, await signInMany(app.url, stack.staff, SESSIONS)));
      report(mode, `${SESSIONS} in flight (closed loop)`, await closedLoop(app.url, await signInMany(app.url, stack.staff, SESSIONS), BURST_ROUNDS, SESSIONS));
      report(mode, "1 in flight", await closedLoop(app.url, await signInMany(app.url, stack.staff, 4), BURST_ROUNDS, 1));
      report(mode, "1 in flight, first request of a session that loaded no page", await firstRequestOfNewSessions(app.url, stack.staff, 20));
    }
  } finally {
    await stack.stop();
  }
  return out;
}

if (require.main === module) void runTokenRouteBench();
