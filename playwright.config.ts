import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "./e2e/support/chromium";

// One simulator and one dashboard are shared by every spec (see e2e/global-setup.ts); specs change
// the simulator's state, so they run one at a time.
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous: a 2-core CI machine builds and runs a simulator, recorders and apps beside the browser.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"], ["html", { open: "never" }]],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
