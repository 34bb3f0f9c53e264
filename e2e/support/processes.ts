// Starts the servers an end-to-end run needs as child processes on free 127.0.0.1 ports — the AssetPay
// simulator and the built dashboard (`next start`) — and stops them afterwards. Logs go to
// test-results/servers/ so a failing run can be read.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import bcrypt from "bcryptjs";
import { freePort } from "@/lib/net/free-port";
import { stopProcessGroup } from "../../scripts/lib/process-group";
import { waitForHttp } from "./ports";

const ROOT = path.resolve(__dirname, "..", "..");
const LOG_DIR = path.join(ROOT, "test-results", "servers");

export interface RunningProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface RunningSimulatorProcess extends RunningProcess {
  apiKey: string;
  apiSecret: string;
}

export interface StaffCredentials {
  email: string;
  password: string;
}

export function launch(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(path.join(LOG_DIR, `${name}.log`), { flags: "a" });
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

/** Stops a child from launch() and everything it forked (SIGTERM, then SIGKILL after 5 s). */
export const stopChild = (child: ChildProcess): Promise<void> => stopProcessGroup(child);

export async function startSimulatorProcess(
  name: string,
  extraEnv: Record<string, string> = {},
): Promise<RunningSimulatorProcess> {
  const port = await freePort();
  const apiKey = `ap_test_${randomBytes(12).toString("hex")}`;
  const apiSecret = randomBytes(32).toString("hex");
  const child = launch(name, path.join(ROOT, "node_modules", ".bin", "tsx"), ["sim/main.ts"], {
    ...process.env,
    SIM_PORT: String(port),
    SIM_HOST: "127.0.0.1",
    SIM_API_KEY: apiKey,
    SIM_API_SECRET: apiSecret,
    SIM_SEED: "e2e",
    ...extraEnv,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/v1/wallets/me/balance`);
  return { url, port, apiKey, apiSecret, stop: () => stopChild(child) };
}

export function makeStaffCredentials(email = "ops@example.test"): StaffCredentials & { accounts: string } {
  const password = `pw-${randomBytes(6).toString("hex")}`;
  return { email, password, accounts: `${email}:${bcrypt.hashSync(password, 10)}` };
}

export interface AppOptions {
  simulator: RunningSimulatorProcess;
  staffAccounts: string;
  /** Sign client tokens locally with the simulator's secret instead of calling authenticate-client. */
  localSigning?: boolean;
  extraEnv?: Record<string, string>;
  /** Node flags for the server process (the benchmarks' --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
}

export async function startAppProcess(name: string, options: AppOptions): Promise<RunningProcess> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` (npm test does) before the end-to-end tests.");
  }
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    STAFF_ACCOUNTS: options.staffAccounts,
    ASSETPAY_API_KEY: options.simulator.apiKey,
    ASSETPAY_API_URL: options.simulator.url,
    ASSETPAY_TOKEN_STEAM_ID: "76561198000000001",
    ASSETPAY_TOKEN_TRADE_URL: "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash",
    ...(options.localSigning ? { ASSETPAY_API_SECRET: options.simulator.apiSecret } : {}),
    // No recorder unless the spec starts one (e2e/support/recorder.ts) and says where: never read a
    // developer's .data/ or DATABASE_URL.
    RECORDER_DATA_DIR: path.join(ROOT, "test-results", "no-recorder"),
    DATABASE_URL: "",
    ...options.extraEnv,
  };
  if (!options.localSigning) delete env.ASSETPAY_API_SECRET;
  const nextArgs = ["start", "-H", "127.0.0.1", "-p", String(port)];
  const child = options.nodeArgs
    ? launch(name, process.execPath, [...options.nodeArgs, path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), ...nextArgs], env)
    : launch(name, path.join(ROOT, "node_modules", ".bin", "next"), nextArgs, env);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/sign-in`);
  return { url, port, stop: () => stopChild(child) };
}
