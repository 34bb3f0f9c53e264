// Shared helpers for the benchmarks: start the simulator and the built dashboard as child processes
// (the same helpers the end-to-end tests use), sign staff in over HTTP, percentiles, machine info.
// Bench-only; never imported by app code.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  makeStaffCredentials,
  startAppProcess,
  startSimulatorProcess,
  type RunningProcess,
  type RunningSimulatorProcess,
  type StaffCredentials,
} from "@/e2e/support/processes";
import { recorderEnv, startRecorderProcess, tempRecorderDir, type RunningRecorderProcess } from "@/e2e/support/recorder";

export interface Stack {
  sim: RunningSimulatorProcess;
  apps: RunningProcess[];
  staff: StaffCredentials;
  /** `staff` first, then the others of `staffCount` (same password, emails ops-N@example.test). */
  team: StaffCredentials[];
  /** The recorder's PGlite directory when `recorder` was asked for; the apps read through it. */
  recorderDataDir: string | null;
  stop(): Promise<void>;
}

// Servers run in their own process groups (see e2e/support/processes.ts), so an interrupted benchmark
// must stop them itself.
const running = new Set<() => Promise<void>>();
let handlersInstalled = false;

function stopOnSignals(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void Promise.allSettled([...running].map((stop) => stop())).finally(() => process.exit(130));
    });
  }
}

/**
 * BENCH_PROFILE_DIR=dir: Node flags that make a dashboard server write its CPU profile there, to spread
 * into an `apps` entry of startStack; nothing when the variable is unset.
 */
export function serverProfileOptions(): { nodeArgs?: string[] } {
  const profileDir = process.env.BENCH_PROFILE_DIR;
  return profileDir ? { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] } : {};
}

/** `count` staff accounts sharing one password (one bcrypt hash: signing in is what costs, not hashing). */
function makeStaffTeam(count: number): { team: StaffCredentials[]; accounts: string } {
  const first = makeStaffCredentials();
  const hash = first.accounts.slice(first.accounts.indexOf(":") + 1);
  const team: StaffCredentials[] = [{ email: first.email, password: first.password }];
  for (let i = 1; i < count; i += 1) team.push({ email: `ops-${i}@example.test`, password: first.password });
  return { team, accounts: team.map((member) => `${member.email}:${hash}`).join(",") };
}

/**
 * A simulator and one dashboard per entry of `apps` (each with its own options), stopped together.
 * `recorder`: also an event recorder on a fresh PGlite directory, started before the apps, which read
 * its store and spend its one AssetPay budget (as `npm start` runs them).
 */
export async function startStack(
  name: string,
  options: {
    simEnv?: Record<string, string>;
    apps: { label: string; localSigning?: boolean; extraEnv?: Record<string, string>; nodeArgs?: string[] }[];
    staffCount?: number;
    recorder?: { extraEnv?: Record<string, string> };
  },
): Promise<Stack> {
  const { team, accounts } = makeStaffTeam(Math.max(1, options.staffCount ?? 1));
  const staff = team[0] as StaffCredentials;
  const sim = await startSimulatorProcess(`bench-${name}-sim`, { SIM_RATE: "0", SIM_INITIAL_TRADES: "0", ...options.simEnv });
  const apps: RunningProcess[] = [];
  let recorder: RunningRecorderProcess | null = null;
  const recorderDataDir = options.recorder ? tempRecorderDir(`bench-${name}`) : null;
  const stop = async () => {
    running.delete(stop);
    for (const app of apps.splice(0)) await app.stop().catch(() => undefined);
    await recorder?.stop().catch(() => undefined);
    await sim.stop().catch(() => undefined);
    if (recorderDataDir) rmSync(recorderDataDir, { recursive: true, force: true });
  };
  stopOnSignals();
  running.add(stop);
  try {
    if (options.recorder && recorderDataDir) {
      recorder = await startRecorderProcess(`bench-${name}-recorder`, {
        simulator: sim,
        storage: { dataDir: recorderDataDir },
        ...(options.recorder.extraEnv ? { extraEnv: options.recorder.extraEnv } : {}),
      });
    }
    const storageEnv = recorderDataDir ? recorderEnv({ dataDir: recorderDataDir }) : {};
    for (const app of options.apps) {
      const extraEnv = { ...storageEnv, ...app.extraEnv };
      apps.push(
        await startAppProcess(`bench-${name}-${app.label}`, {
          simulator: sim,
          staffAccounts: accounts,
          ...(app.localSigning ? { localSigning: true } : {}),
          ...(Object.keys(extraEnv).length > 0 ? { extraEnv } : {}),
          ...(app.nodeArgs ? { nodeArgs: app.nodeArgs } : {}),
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { sim, apps, staff, team, recorderDataDir, stop };
}

/** The simulator's count of REST requests it served (and refused with 429) since it started. */
export async function simRestStats(sim: RunningSimulatorProcess): Promise<{ requests: number; rateLimited: number }> {
  const response = await fetch(`${sim.url}/__sim/stats`, { headers: { "api-key": sim.apiKey } });
  const envelope = (await response.json()) as { data?: { rest?: { requests: number; rateLimited: number } } };
  const rest = envelope.data?.rest;
  if (!response.ok || !rest) throw new Error(`simulator GET /__sim/stats → HTTP ${response.status}`);
  return rest;
}

function cookiesFrom(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(";")[0] ?? "").filter(Boolean);
}

/** Signs in through Auth.js's credentials endpoint (as the form does); returns the Cookie header to send. */
export async function signInOverHttp(appUrl: string, staff: StaffCredentials): Promise<string> {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesFrom(csrf);
  const form = new URLSearchParams({ csrfToken, email: staff.email, password: staff.password, callbackUrl: `${appUrl}/board` });
  const response = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: appUrl },
    body: form,
  });
  const session = cookiesFrom(response).filter((c) => c.startsWith("authjs.session-token"));
  if (session.length === 0) throw new Error(`sign-in failed (HTTP ${response.status})`);
  return session.join("; ");
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): { n: number; p50: number; p95: number; p99: number; max: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN, mean };
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

export function machine(): string {
  let chromium = "unknown";
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", ["--version"], {
      encoding: "utf8",
      timeout: 10_000,
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    /* no browser: the browser benchmark says so itself */
  }
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, ${chromium}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`;
}

/** Runs `fn` on every item with at most `limit` in flight. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      out[index] = await fn(items[index] as T, index);
    }
  });
  await Promise.all(workers);
  return out;
}
