// `npm start`: checks the configuration, builds if the sources changed since the last build, then serves
// the dashboard with `next start` on http://127.0.0.1:${PORT:-3000}. With no ASSETPAY_API_KEY it first
// starts the AssetPay simulator in this process and points the dashboard at it (demo mode), creating
// what a first run lacks (AUTH_SECRET, a demo staff account). Ctrl-C stops everything.
// It prints the demo password it generated, and never any key or secret.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadEnvConfig } from "@next/env";
import bcrypt from "bcryptjs";
import { EnvError } from "../lib/env/env-error";
import { parseEnv } from "../lib/env/server-env";
import { checkStartEnv, type StartPlan } from "../lib/env/start-plan";
import { isPortFree } from "../lib/net/free-port";
import { buildState } from "./lib/build-freshness";
import { Supervisor } from "./lib/supervisor";

const ROOT = path.resolve(__dirname, "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const TSX_CLI = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const HOST = "127.0.0.1";
const DEMO_EMAIL = "demo@assetpay.local";
const DEMO_STEAM_ID = "76561198000000001";
const DEMO_TRADE_URL = "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=DemoOps1";
/** Variables only `npm start` sets for the app; an operator's own values would lie about the mode. */
const INTERNAL = ["ASSETPAY_DEMO", "ASSETPAY_DEMO_EMAIL"];

const say = (line: string) => console.log(`[start] ${line}`);

function fail(...lines: string[]): never {
  for (const line of lines) console.error(`[start] ${line}`);
  process.exit(1);
}

async function waitUntilServing(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

function buildIfNeeded(env: NodeJS.ProcessEnv): void {
  const state = buildState(ROOT);
  if (!state.stale) {
    say("production build is up to date");
    return;
  }
  say(`building (${state.reason})…`);
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, env, stdio: "inherit" });
  if (result.status !== 0) fail(`next build failed (exit ${result.status ?? result.signal}); fix the error above and run npm start again.`);
}

/** Checked to give a first screen with every kind of state (see e2e/demo-start.spec.ts). */
const DEMO_SIM_SEED = "demo";

interface DemoSetup {
  env: NodeJS.ProcessEnv;
  banner: string[];
  /** Once the dashboard answers: wires the simulator's callbacks to it and backfills what the recorder never saw. */
  afterStart: (dashboardUrl: string, recorderEnv: NodeJS.ProcessEnv) => Promise<void>;
}

async function startDemo(supervisor: Supervisor, plan: StartPlan, base: NodeJS.ProcessEnv): Promise<DemoSetup> {
  // Loaded only in demo mode: real mode never touches the simulator's code.
  const { startSimulator } = await import("../sim/server");
  const wanted = plan.simPort;
  const simPort = wanted === 0 || (await isPortFree(wanted, HOST)) ? wanted : 0;
  if (simPort !== wanted) say(`port ${wanted} is taken: the simulator uses a free port instead`);
  const simulator = await startSimulator({
    port: simPort,
    host: HOST,
    ...(base.SIM_API_KEY ? { apiKey: base.SIM_API_KEY } : {}),
    ...(base.SIM_API_SECRET ? { apiSecret: base.SIM_API_SECRET } : {}),
    // A fixed seed unless one is asked for: the demo's earlier history (which the first screen shows)
    // is then the same every time, with stalled, held, reverted and failed trades in it.
    seed: base.SIM_SEED?.trim() || DEMO_SIM_SEED,
  });
  supervisor.add({ name: "simulator", stop: () => simulator.close() });

  const env: NodeJS.ProcessEnv = {
    ...base,
    ASSETPAY_API_KEY: simulator.apiKey,
    ASSETPAY_API_URL: simulator.url,
    ASSETPAY_WS_URL: simulator.url,
    ASSETPAY_API_SECRET: simulator.apiSecret,
    ASSETPAY_MERCHANT_ID: simulator.merchantId,
    ASSETPAY_TOKEN_STEAM_ID: base.ASSETPAY_TOKEN_STEAM_ID || DEMO_STEAM_ID,
    ASSETPAY_TOKEN_TRADE_URL: base.ASSETPAY_TOKEN_TRADE_URL || DEMO_TRADE_URL,
    ASSETPAY_DEMO: "1",
    // The simulator plays the merchant's backend forwarding AssetPay's callbacks, with this bearer.
    CALLBACK_FORWARD_TOKEN: randomBytes(32).toString("base64url"),
  };
  for (const name of ["ASSETPAY_API_URL", "ASSETPAY_WS_URL", "ASSETPAY_API_SECRET", "ASSETPAY_MERCHANT_ID"]) {
    if (base[name]?.trim()) say(`${name} is ignored in demo mode (the simulator provides it)`);
  }
  if (!base.AUTH_SECRET?.trim()) {
    env.AUTH_SECRET = randomBytes(32).toString("base64url");
    say("AUTH_SECRET is not set: generated one for this run (sessions end when npm start stops)");
  }

  const banner = [`  Simulator:  ${simulator.url}`];
  if (base.STAFF_ACCOUNTS?.trim()) {
    banner.push("  Sign in:    with an account from STAFF_ACCOUNTS");
  } else {
    const password = base.DEMO_PASSWORD?.trim() || randomBytes(9).toString("base64url");
    env.STAFF_ACCOUNTS = `${DEMO_EMAIL}:${bcrypt.hashSync(password, 10)}`;
    env.ASSETPAY_DEMO_EMAIL = DEMO_EMAIL;
    banner.push(`  Email:      ${DEMO_EMAIL}`, `  Password:   ${password}`);
  }
  const afterStart = async (dashboardUrl: string, recorderEnv: NodeJS.ProcessEnv) => {
    simulator.callbacks.setTarget({ url: `${dashboardUrl}/api/assetpay/callbacks`, bearer: env.CALLBACK_FORWARD_TOKEN ?? "" });
    // The simulator starts with a history no socket ever carried (stalled trades, holds, reversals):
    // hand its refs to the recorder's import, as an admin would, so the first screen shows them.
    const refs = [...simulator.engine.allTrades()].map((trade) => trade.id);
    const started = Date.now();
    const code = await importRefs(refs, recorderEnv);
    say(code === 0 ? `imported the simulator's ${refs.length} earlier trades in ${Date.now() - started} ms` : "the import of the simulator's earlier trades failed (see above)");
  };
  return { env, banner, afterStart };
}

/** `npm run recorder:import` as a child (it needs the react-server condition), refs on stdin. */
function importRefs(refs: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX_CLI, "--conditions=react-server", path.join(ROOT, "scripts", "recorder-import.ts"), "--wait", "-"], {
      cwd: ROOT,
      env,
      stdio: ["pipe", "inherit", "inherit"],
    });
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
    child.stdin.end(refs.join("\n"));
  });
}

/**
 * Starts the event recorder beside the app and returns the environment both share. The demo
 * simulator forgets everything when npm start stops, so in demo mode the recorder's embedded database is
 * a fresh temporary directory too (unless DATABASE_URL says otherwise), deleted after the recorder stops.
 */
function startRecorder(supervisor: Supervisor, plan: StartPlan, appEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...appEnv };
  if (plan.mode === "demo" && !env.DATABASE_URL?.trim()) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "assetpay-ops-demo-"));
    env.RECORDER_DATA_DIR = dir;
    supervisor.add({ name: "demo recorder data", stop: async () => rmSync(dir, { recursive: true, force: true }) });
  }
  supervisor.spawn("recorder", process.execPath, [TSX_CLI, "--conditions=react-server", path.join(ROOT, "recorder", "main.ts")], env);
  return env;
}

async function main(): Promise<void> {
  // The same .env files `next start` would read, so this check and the app agree on the mode.
  const { loadedEnvFiles } = loadEnvConfig(ROOT, false, { info: () => undefined, error: console.error });
  if (loadedEnvFiles.length > 0) say(`read ${loadedEnvFiles.map((file) => file.path).join(", ")}`);
  let plan: StartPlan;
  try {
    plan = checkStartEnv(process.env);
  } catch (error) {
    // Every bad variable at once, one line each, before anything starts.
    if (error instanceof EnvError) fail(...error.lines);
    throw error;
  }

  const base: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of INTERNAL) delete base[name];
  base.AUTH_TRUST_HOST ??= "true";

  buildIfNeeded(base);
  if (!(await isPortFree(plan.port, HOST))) fail(`PORT: ${HOST}:${plan.port} is already in use; set PORT to a free port`);

  const supervisor = new Supervisor(say);
  supervisor.stopOnSignals();
  let appEnv = base;
  let banner: string[] = [];
  let demo: DemoSetup | null = null;
  if (plan.mode === "demo") {
    say("ASSETPAY_API_KEY is not set: demo mode, starting the AssetPay simulator");
    demo = await startDemo(supervisor, plan, base);
    ({ env: appEnv, banner } = demo);
  }
  try {
    parseEnv(appEnv); // what the app will check; fails here with the same lines instead of in a page
  } catch (error) {
    await supervisor.stopAll();
    if (error instanceof EnvError) fail(...error.lines);
    throw error;
  }

  appEnv = startRecorder(supervisor, plan, appEnv);
  supervisor.spawn("next start", process.execPath, [NEXT_BIN, "start", "-H", HOST, "-p", String(plan.port)], { ...appEnv, PORT: String(plan.port) });
  const url = `http://${HOST}:${plan.port}`;
  if (!(await waitUntilServing(`${url}/sign-in`, 60_000))) {
    await supervisor.stopAll();
    fail(`the dashboard did not answer on ${url} within 60 s`);
  }
  await demo?.afterStart(url, appEnv);
  console.log(
    [
      "",
      `AssetPay Ops is running${plan.mode === "demo" ? " in demo mode" : ""}`,
      `  Dashboard:  ${url}`,
      ...banner,
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
