// For specs that need a dashboard configured differently from the shared one (local token signing,
// a fresh sign-in limiter): another `next start` against the shared simulator, stopped by the spec.
import { e2eEnv } from "./env";
import { startAppProcess, type RunningProcess, type RunningSimulatorProcess } from "./processes";

export function sharedSimulator(): RunningSimulatorProcess {
  const url = e2eEnv("E2E_SIM_URL");
  return {
    url,
    port: Number(new URL(url).port),
    apiKey: e2eEnv("E2E_SIM_API_KEY"),
    apiSecret: e2eEnv("E2E_SIM_API_SECRET"),
    // Owned by the global setup.
    stop: async () => undefined,
  };
}

export function startExtraApp(name: string, options: { localSigning?: boolean; extraEnv?: Record<string, string> } = {}): Promise<RunningProcess> {
  return startAppProcess(name, { simulator: sharedSimulator(), staffAccounts: e2eEnv("E2E_STAFF_ACCOUNTS"), ...options });
}
