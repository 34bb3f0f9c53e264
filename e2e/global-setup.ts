// One AssetPay simulator, one event recorder and one built dashboard for the whole end-to-end run, on
// free ports. The dashboard runs in real mode against the simulator (ASSETPAY_API_KEY = the simulator's
// key), so the tests exercise exactly the code path that talks to AssetPay; the recorder records into
// a fresh PGlite directory for this run, which the dashboard reads through it (as `npm start` does).
// Specs that need another setup (local token signing, demo `npm start`, their own recorder) start their
// own servers with e2e/support/processes.ts and e2e/support/recorder.ts.
import { rmSync } from "node:fs";
import { type RunningProcess, makeStaffCredentials, startAppProcess, startSimulatorProcess } from "./support/processes";
import { recorderEnv, startRecorderProcess, tempRecorderDir } from "./support/recorder";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const staff = makeStaffCredentials();
  const simulator = await startSimulatorProcess("simulator", { SIM_RATE: "2", SIM_SPEED: "30" });
  const storage = { dataDir: tempRecorderDir("shared") };
  const stops: (() => Promise<void>)[] = [() => simulator.stop(), async () => rmSync(storage.dataDir, { recursive: true, force: true })];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  let app: RunningProcess;
  try {
    const recorder = await startRecorderProcess("recorder", { simulator, storage });
    stops.push(() => recorder.stop());
    const started = await startAppProcess("app", { simulator, staffAccounts: staff.accounts, extraEnv: recorderEnv(storage) });
    stops.push(() => started.stop());
    app = started;
  } catch (error) {
    await stopAll();
    throw error;
  }
  Object.assign(process.env, {
    E2E_APP_URL: app.url,
    E2E_SIM_URL: simulator.url,
    E2E_SIM_API_KEY: simulator.apiKey,
    E2E_SIM_API_SECRET: simulator.apiSecret,
    E2E_STAFF_EMAIL: staff.email,
    E2E_STAFF_PASSWORD: staff.password,
    E2E_STAFF_ACCOUNTS: staff.accounts,
  });
  return stopAll;
}
