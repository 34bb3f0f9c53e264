// One AssetPay simulator and one built dashboard for the whole end-to-end run, on free ports. The
// dashboard runs in real mode against the simulator (ASSETPAY_API_KEY = the simulator's key), so the
// tests exercise exactly the code path that talks to AssetPay. Specs that need another setup (local
// token signing, demo `npm start`) start their own servers with e2e/support/processes.ts.
import type { FullConfig } from "@playwright/test";
import { makeStaffCredentials, startAppProcess, startSimulatorProcess } from "./support/processes";

export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const staff = makeStaffCredentials();
  const simulator = await startSimulatorProcess("simulator", { SIM_RATE: "2", SIM_SPEED: "30" });
  let app;
  try {
    app = await startAppProcess("app", { simulator, staffAccounts: staff.accounts });
  } catch (error) {
    await simulator.stop();
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
  return async () => {
    await app.stop();
    await simulator.stop();
  };
}
