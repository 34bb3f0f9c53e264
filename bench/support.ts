// Shared helpers for the benchmarks: start the simulator and the built dashboard as child processes
// (the same helpers the end-to-end tests use), sign staff in over HTTP, percentiles, machine info.
// Bench-only; never imported by app code.
import { execFileSync } from "node:child_process";
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

export interface Stack {
  sim: RunningSimulatorProcess;
  apps: RunningProcess[];
  staff: StaffCredentials;
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

/** A simulator and one dashboard per entry of `apps` (each with its own options), stopped together. */
export async function startStack(
  name: string,
  options: { simEnv?: Record<string, string>; apps: { label: string; localSigning?: boolean; extraEnv?: Record<string, string>; nodeArgs?: string[] }[] },
): Promise<Stack> {
  const staff = makeStaffCredentials();
  const sim = await startSimulatorProcess(`bench-${name}-sim`, { SIM_RATE: "0", SIM_INITIAL_TRADES: "0", ...options.simEnv });
  const apps: RunningProcess[] = [];
  const stop = async () => {
    running.delete(stop);
    for (const app of apps.splice(0)) await app.stop().catch(() => undefined);
    await sim.stop().catch(() => undefined);
  };
  stopOnSignals();
  running.add(stop);
  try {
    for (const app of options.apps) {
      apps.push(
        await startAppProcess(`bench-${name}-${app.label}`, {
          simulator: sim,
          staffAccounts: staff.accounts,
          ...(app.localSigning ? { localSigning: true } : {}),
          ...(app.extraEnv ? { extraEnv: app.extraEnv } : {}),
          ...(app.nodeArgs ? { nodeArgs: app.nodeArgs } : {}),
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { sim, apps, staff, stop };
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
