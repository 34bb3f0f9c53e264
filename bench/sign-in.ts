// Sign-in under attack: how many password attempts a dashboard checks per second while 8 clients
// hammer the sign-in endpoint, and what that does to an authenticated route (GET /api/snapshot) for
// the staff member using the board meanwhile. The attackers model the worst case the limits allow:
// behind a trusted proxy (TRUST_PROXY=true), every attempt comes from a fresh address and names a
// fresh email, so neither the per-address nor the per-account limit refuses it and every attempt
// costs a bcrypt compare (cost 10 here; `npm run staff:hash` makes cost 12, which is 4× the work).
// Latency is measured by the client on the same machine; nothing is asserted.
import { ms, signInOverHttp, startStack, summarize } from "./support";

const ATTACKERS = 8;
const QUIET_SECONDS = 10;
const HAMMER_SECONDS = 20;

export interface SignInFigures {
  quiet: { p50: number; p99: number; n: number };
  hammered: { p50: number; p99: number; n: number };
  attemptsPerSecond: number;
}

async function timedSnapshot(appUrl: string, cookie: string): Promise<number | null> {
  const t0 = performance.now();
  const response = await fetch(`${appUrl}/api/snapshot`, { headers: { cookie } });
  await response.arrayBuffer();
  return response.status === 200 ? performance.now() - t0 : null;
}

/** One client reading the snapshot back to back until `until` (performance.now()). */
async function readUntil(appUrl: string, cookie: string, until: number): Promise<number[]> {
  const samples: number[] = [];
  while (performance.now() < until) {
    const elapsed = await timedSnapshot(appUrl, cookie);
    if (elapsed !== null) samples.push(elapsed);
  }
  return samples;
}

let attemptCounter = 0;

/** One wrong-password attempt from a fresh address with a fresh email: the answer is a redirect. */
async function attempt(appUrl: string): Promise<boolean> {
  attemptCounter += 1;
  const n = attemptCounter;
  const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  const csrf = await fetch(`${appUrl}/api/auth/csrf`, { headers: { "x-forwarded-for": address } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  const response = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": address },
    body: new URLSearchParams({ csrfToken, email: `guess-${n}@bench.test`, password: `wrong-${n}`, callbackUrl: "/board" }),
  });
  await response.arrayBuffer();
  return response.status === 302 && (response.headers.get("location") ?? "").includes("code=credentials");
}

export async function runSignInBench(options: { log?: (line: string) => void } = {}): Promise<SignInFigures> {
  const log = options.log ?? console.log;
  const stack = await startStack("sign-in", { apps: [{ label: "app", extraEnv: { TRUST_PROXY: "true" } }], recorder: {} });
  try {
    const app = stack.apps[0];
    if (!app) throw new Error("no app");
    const cookie = await signInOverHttp(app.url, stack.staff);
    await readUntil(app.url, cookie, performance.now() + 2_000); // warm-up
    const quiet = summarize(await readUntil(app.url, cookie, performance.now() + QUIET_SECONDS * 1000));

    const until = performance.now() + HAMMER_SECONDS * 1000;
    let checked = 0;
    let refused = 0;
    const started = performance.now();
    const attackers = Array.from({ length: ATTACKERS }, async () => {
      while (performance.now() < until) {
        if (await attempt(app.url)) checked += 1;
        else refused += 1;
      }
    });
    const [hammeredSamples] = await Promise.all([readUntil(app.url, cookie, until), ...attackers]);
    const attemptsPerSecond = checked / ((performance.now() - started) / 1000);
    const hammered = summarize(hammeredSamples);
    log(`  GET /api/snapshot, quiet: p50 ${ms(quiet.p50)}, p99 ${ms(quiet.p99)} (${quiet.n} requests in ${QUIET_SECONDS} s)`);
    log(
      `  GET /api/snapshot while ${ATTACKERS} clients hammer sign-in: p50 ${ms(hammered.p50)}, p99 ${ms(hammered.p99)} ` +
        `(${hammered.n} requests in ${HAMMER_SECONDS} s)`,
    );
    log(`  sign-in: ${attemptsPerSecond.toFixed(1)} wrong-password attempts checked per second (${checked} checked, ${refused} other answers)`);
    return {
      quiet: { p50: quiet.p50, p99: quiet.p99, n: quiet.n },
      hammered: { p50: hammered.p50, p99: hammered.p99, n: hammered.n },
      attemptsPerSecond,
    };
  } finally {
    await stack.stop();
  }
}

if (require.main === module) void runSignInBench();
