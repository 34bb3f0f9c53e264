// Starts the event recorder (`recorder/main.ts`, the process `npm start` runs beside the app) for an
// end-to-end run, against a simulator, on PGlite in a directory of the spec's choosing or on PostgreSQL,
// and waits until its socket is connected. The app that should read its data gets `recorderEnv(...)`.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type AppOptions, launch, type RunningProcess, type RunningSimulatorProcess, startAppProcess, stopChild } from "./processes";

const ROOT = path.resolve(__dirname, "..", "..");

export type RecorderStorage = { dataDir: string } | { databaseUrl: string };

export interface RunningRecorderProcess {
  storage: RecorderStorage;
  stop(): Promise<void>;
}

/** A fresh PGlite directory for one recorder (and the app reading through it). */
export function tempRecorderDir(label: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `assetpay-e2e-${label}-`));
}

/** What the app (and its recorder) need to agree on where the recorded data lives. */
export function recorderEnv(storage: RecorderStorage): Record<string, string> {
  return "dataDir" in storage ? { RECORDER_DATA_DIR: storage.dataDir, DATABASE_URL: "" } : { DATABASE_URL: storage.databaseUrl };
}

interface RecorderProcessOptions {
  simulator: RunningSimulatorProcess;
  storage: RecorderStorage;
  extraEnv?: Record<string, string>;
}

function recorderProcessEnv(options: RecorderProcessOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASSETPAY_API_KEY: options.simulator.apiKey,
    ASSETPAY_API_URL: options.simulator.url,
    // The identity the app's tokens are minted for (e2e/support/processes.ts): the recorder learns its
    // merchant id from such a token to check whose store it writes.
    ASSETPAY_TOKEN_STEAM_ID: "76561198000000001",
    ASSETPAY_TOKEN_TRADE_URL: "https://steamcommunity.com/tradeoffer/new/?partner=39734273&token=Ops_Dash",
    ...recorderEnv(options.storage),
    ...options.extraEnv,
  };
  delete env.ASSETPAY_WS_URL;
  return env;
}

function launchRecorder(name: string, options: RecorderProcessOptions) {
  return launch(name, path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "recorder/main.ts"], recorderProcessEnv(options));
}

/** A recorder expected to refuse to start: what it printed and its exit code (killed after `timeoutMs`). */
export async function runRecorderUntilExit(
  name: string,
  options: RecorderProcessOptions,
  timeoutMs = 120_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = launchRecorder(name, options);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopChild(child).finally(() => reject(new Error(`recorder ${name} did not exit within ${timeoutMs} ms:\n${stdout}${stderr}`)));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export async function startRecorderProcess(name: string, options: RecorderProcessOptions): Promise<RunningRecorderProcess> {
  const child = launchRecorder(name, options);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    // PGlite's first start (initdb in WASM) is slow on a busy machine.
    const timer = setTimeout(() => done(new Error(`recorder ${name} did not connect within 120 s:\n${output.slice(-2000)}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/\[recorder\] connected to AssetPay socket/.test(output) && /\[recorder\] recording \(/.test(output)) done(null);
    };
    const onExit = (code: number | null) => done(new Error(`recorder ${name} exited (${code}) before it connected:\n${output.slice(-2000)}`));
    function done(error: Error | null) {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  }).catch(async (error: unknown) => {
    await stopChild(child);
    throw error;
  });
  return { storage: options.storage, stop: () => stopChild(child) };
}

export interface RunningDashboard {
  app: RunningProcess;
  recorder: RunningRecorderProcess;
  /** Stops the app, then its recorder, and removes a temporary PGlite directory this helper made. */
  stop(): Promise<void>;
}

/**
 * A dashboard as `npm start` runs it: the app and its own recorder on one store (a fresh PGlite
 * directory unless `storage` is given). Browser resyncs read the recorder's store, so an app without
 * a recorder cannot repair what a dropped socket missed.
 */
export async function startDashboard(
  label: string,
  options: AppOptions & { storage?: RecorderStorage; recorderExtraEnv?: Record<string, string> },
): Promise<RunningDashboard> {
  const madeDir = options.storage === undefined ? tempRecorderDir(label) : null;
  const storage = options.storage ?? { dataDir: madeDir as string };
  const removeDir = async () => {
    if (madeDir) rmSync(madeDir, { recursive: true, force: true });
  };
  const recorderOptions = { simulator: options.simulator, storage, ...(options.recorderExtraEnv ? { extraEnv: options.recorderExtraEnv } : {}) };
  const recorder = await startRecorderProcess(`${label}-recorder`, recorderOptions).catch(async (error: unknown) => {
    await removeDir();
    throw error;
  });
  try {
    const app = await startAppProcess(`${label}-app`, { ...options, extraEnv: { ...recorderEnv(storage), ...options.extraEnv } });
    return {
      app,
      recorder,
      stop: async () => {
        await app.stop();
        await recorder.stop();
        await removeDir();
      },
    };
  } catch (error) {
    await recorder.stop();
    await removeDir();
    throw error;
  }
}
