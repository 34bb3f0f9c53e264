// AssetPay budget benchmark: AssetPay REST calls per minute with 1, 10 and 50 open tabs, against the
// built dashboard, its event recorder (PGlite) and the simulator, counted by the simulator itself
// (`GET /__sim/stats`). The point is that the figure stays flat as tabs are added: browsers never call
// AssetPay; their resyncs read the recorder's store and ask it for a reconcile, which it coalesces.
// A tab here is a plain HTTP client with a signed-in session of its own staff member (one person, one
// tab), doing what a board's live session does, in compressed time:
// - POST /api/assetpay/resync with the in-flight ids it holds every 2 s (a real tab: every 5 min, plus
//   after reconnects and when it becomes visible; so this is ~150× a real tab's periodic load);
// - GET /api/assetpay/balance every 2 s (a real tab: every 30 s);
// - POST /api/assetpay/token when it opens and then every 30 s (a real tab: ~every 11 min with the
//   default 15-min tokens, plus one per reconnect). Tokens are minted by AssetPay's
//   POST /auth/authenticate-client (no ASSETPAY_API_SECRET), so each mint is an AssetPay call.
// Tabs start spread over the first 2 s of a phase; each phase measures PHASE_SECONDS. The server's
// intervals (reconcile coalescing, the 20 s balance cache, the 10 s token reuse) are not compressed, so
// per tab this errs on the heavy side: 50 tabs send the dashboard 50 requests a second (a real team of
// 50, about 2), which on a busy 2-core machine queues them for tens of seconds and leaves some without
// a connection; those are counted as failed, with the reason. Default budget (60/min); the recorder's
// own minute reconcile and ledger reads fall inside the windows too. Nothing is asserted.
import { type StaffCredentials } from "@/e2e/support/processes";
import { simRequestTo } from "@/e2e/support/sim-control";
import { ms, pool, signInOverHttp, simRestStats, startStack, summarize } from "./support";

const TAB_COUNTS = [1, 10, 50] as const;
const PHASE_SECONDS = 45;
const RESYNC_EVERY_MS = 2_000;
const BALANCE_EVERY_MS = 2_000;
const TOKEN_EVERY_MS = 30_000;
/** In-flight trades the recorder holds (and every tab resyncs): a reconcile costs 3 batches + the ledger. */
const IN_FLIGHT_TRADES = 300;
const IN_FLIGHT = ["initiated", "pending", "active", "hold"] as const;

export interface BudgetFigures {
  tabs: number;
  seconds: number;
  assetPayCalls: number;
  callsPerMinute: number;
  tokensMinted: number;
  assetPay429: number;
  resync: { ok: number; failed: number; reconciled: number; p50: number; p95: number };
  balance: { ok: number; failed: number };
  token: { ok: number; failed: number };
}

interface TabCounters {
  resyncMs: number[];
  resyncFailed: number;
  reconciled: number;
  balanceOk: number;
  balanceFailed: number;
  tokenOk: number;
  tokenFailed: number;
  tokens: Set<string>;
  failures: Map<string, number>;
}

function countFailure(into: TabCounters, what: string, status: number): void {
  const key = `${what} HTTP ${status}`;
  into.failures.set(key, (into.failures.get(key) ?? 0) + 1);
}

function countNoAnswer(into: TabCounters, what: string, error: unknown): void {
  if (what === "resync") into.resyncFailed += 1;
  if (what === "balance") into.balanceFailed += 1;
  if (what === "token") into.tokenFailed += 1;
  const cause = error instanceof Error ? ((error.cause as { code?: string } | undefined)?.code ?? error.message) : String(error);
  const key = `${what} no answer (${cause})`;
  into.failures.set(key, (into.failures.get(key) ?? 0) + 1);
}

async function resync(appUrl: string, cookie: string, ids: readonly string[], into: TabCounters): Promise<void> {
  const t0 = performance.now();
  const response = await fetch(`${appUrl}/api/assetpay/resync`, {
    method: "POST",
    headers: { cookie, origin: appUrl, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ tradeIds: ids }),
  });
  const body = (await response.json().catch(() => null)) as { reconciled?: boolean } | null;
  if (response.status !== 200) {
    into.resyncFailed += 1;
    countFailure(into, "resync", response.status);
    return;
  }
  into.resyncMs.push(performance.now() - t0);
  if (body?.reconciled) into.reconciled += 1;
}

async function balance(appUrl: string, cookie: string, into: TabCounters): Promise<void> {
  const response = await fetch(`${appUrl}/api/assetpay/balance`, { headers: { cookie, accept: "application/json" } });
  await response.text();
  if (response.status === 200) into.balanceOk += 1;
  else {
    into.balanceFailed += 1;
    countFailure(into, "balance", response.status);
  }
}

async function token(appUrl: string, cookie: string, into: TabCounters): Promise<void> {
  const response = await fetch(`${appUrl}/api/assetpay/token`, { method: "POST", headers: { cookie, origin: appUrl } });
  const body = (await response.json().catch(() => null)) as { token?: string } | null;
  if (response.status === 200 && body?.token) {
    into.tokenOk += 1;
    into.tokens.add(body.token);
  } else {
    into.tokenFailed += 1;
    countFailure(into, "token", response.status);
  }
}

/** One tab's schedule for `seconds`, starting after `offsetMs`; resolves when its last request answered. */
async function runTab(appUrl: string, cookie: string, ids: readonly string[], offsetMs: number, seconds: number, into: TabCounters): Promise<void> {
  const pending: Promise<void>[] = [];
  // A request that gets no answer at all (connection refused or reset, a timeout) counts as failed too.
  const at = (delayMs: number, what: string, fn: () => Promise<void>) =>
    pending.push(
      new Promise<void>((resolve) =>
        setTimeout(() => void fn().catch((error: unknown) => countNoAnswer(into, what, error)).finally(resolve), offsetMs + delayMs),
      ),
    );
  const endMs = seconds * 1000 - offsetMs;
  for (let t = 0; t < endMs; t += TOKEN_EVERY_MS) at(t, "token", () => token(appUrl, cookie, into));
  for (let t = 0; t < endMs; t += RESYNC_EVERY_MS) at(t, "resync", () => resync(appUrl, cookie, ids, into));
  for (let t = 0; t < endMs; t += BALANCE_EVERY_MS) at(t, "balance", () => balance(appUrl, cookie, into));
  await Promise.all(pending);
}

export async function runAssetPayBudgetBench(options: { log?: (line: string) => void; phaseSeconds?: number } = {}): Promise<BudgetFigures[]> {
  const log = options.log ?? console.log;
  const seconds = options.phaseSeconds ?? PHASE_SECONDS;
  const maxTabs = Math.max(...TAB_COUNTS);
  const stack = await startStack("budget", { apps: [{ label: "app" }], staffCount: maxTabs, recorder: {} });
  const out: BudgetFigures[] = [];
  try {
    const app = stack.apps[0];
    if (!app) throw new Error("no app");
    // Created after the recorder connected, so its socket records them and its reconciles re-read them.
    const created = await pool(Array.from({ length: IN_FLIGHT_TRADES }, (_, i) => i), 8, (i) =>
      simRequestTo<{ id: string }>(stack.sim, "POST", "/__sim/trades", { status: IN_FLIGHT[i % IN_FLIGHT.length], stall: true }),
    );
    const ids = created.map((trade) => trade.id);
    // Sign everyone in first (not AssetPay's business), so the windows hold only the tabs' own traffic.
    const cookies = await pool<StaffCredentials, string>(stack.team, 2, (member) => signInOverHttp(app.url, member));
    // Warm-up: route compilation and the first reconcile, outside every window.
    await runTab(app.url, cookies[0] ?? "", ids, 0, 4, { resyncMs: [], resyncFailed: 0, reconciled: 0, balanceOk: 0, balanceFailed: 0, tokenOk: 0, tokenFailed: 0, tokens: new Set(), failures: new Map() });
    await new Promise((resolve) => setTimeout(resolve, 11_000)); // the warm-up's token leaves the 10 s reuse window
    log(`  ${IN_FLIGHT_TRADES} in-flight trades recorded; each tab resyncs them every ${RESYNC_EVERY_MS / 1000} s, reads the balance every ${BALANCE_EVERY_MS / 1000} s, asks for a token at open and every ${TOKEN_EVERY_MS / 1000} s (API-minted); ${seconds} s per phase, default budget`);
    for (const tabs of TAB_COUNTS) {
      const counters: TabCounters = { resyncMs: [], resyncFailed: 0, reconciled: 0, balanceOk: 0, balanceFailed: 0, tokenOk: 0, tokenFailed: 0, tokens: new Set(), failures: new Map() };
      const before = await simRestStats(stack.sim);
      const started = performance.now();
      await Promise.all(cookies.slice(0, tabs).map((cookie, index) => runTab(app.url, cookie, ids, (index / tabs) * RESYNC_EVERY_MS, seconds, counters)));
      const elapsedS = (performance.now() - started) / 1000;
      const after = await simRestStats(stack.sim);
      const calls = after.requests - before.requests;
      const r = summarize(counters.resyncMs);
      const figures: BudgetFigures = {
        tabs,
        seconds: elapsedS,
        assetPayCalls: calls,
        callsPerMinute: (calls / elapsedS) * 60,
        tokensMinted: counters.tokens.size,
        assetPay429: after.rateLimited - before.rateLimited,
        resync: { ok: r.n, failed: counters.resyncFailed, reconciled: counters.reconciled, p50: r.p50, p95: r.p95 },
        balance: { ok: counters.balanceOk, failed: counters.balanceFailed },
        token: { ok: counters.tokenOk, failed: counters.tokenFailed },
      };
      out.push(figures);
      const failures = [...counters.failures].map(([key, n]) => `${n}× ${key}`).join(", ");
      log(
        `  ${String(tabs).padStart(2)} tab(s): ${calls} AssetPay calls in ${elapsedS.toFixed(1)} s = ${figures.callsPerMinute.toFixed(1)}/min ` +
          `(of them ${figures.tokensMinted} token mints, so ${(((calls - figures.tokensMinted) / elapsedS) * 60).toFixed(1)}/min without them); ${figures.assetPay429} answered 429 by AssetPay; ` +
          `resyncs ${r.n} ok (${counters.reconciled} after a fresh reconcile), ${counters.resyncFailed} failed, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}; ` +
          `balance ${counters.balanceOk} ok, ${counters.balanceFailed} failed; tokens ${counters.tokenOk} ok, ${counters.tokenFailed} failed${failures ? ` (${failures})` : ""}`,
      );
      // Let the last window's token mints age out of the reuse window before the next phase.
      await new Promise((resolve) => setTimeout(resolve, 11_000));
    }
  } finally {
    await stack.stop();
  }
  return out;
}

if (require.main === module) void runAssetPayBudgetBench();
