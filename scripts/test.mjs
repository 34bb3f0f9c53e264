#!/usr/bin/env node
// `npm test`: every test in one command — lint, type-check, unit (vitest), production build, end-to-end
// (Playwright in Chromium). Finds a browser first: CHROMIUM_PATH, else a system Chromium; on a fresh
// Debian machine as root it installs Debian's `chromium` package. It never downloads Playwright's own
// browser builds (they cannot be fetched on our machines).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

function findBrowser() {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    fail(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  }
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

function installDebianChromium() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) return false;
  console.log("[test] No Chromium found: installing Debian's chromium package (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-qq"], { env });
  run("apt-get", ["install", "-y", "-qq", "chromium"], { env });
  return existsSync("/usr/bin/chromium");
}

function fail(message) {
  console.error(`[test] ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  console.log(`\n[test] $ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) fail(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
}

let browser = findBrowser();
if (!browser && installDebianChromium()) browser = "/usr/bin/chromium";
if (!browser) {
  fail(
    "No Chromium found. Install one (Debian/Ubuntu: `apt-get install chromium`) or set CHROMIUM_PATH to a " +
      "Chromium/Chrome executable. Playwright's own browser download is not used.",
  );
}

const env = {
  ...process.env,
  CHROMIUM_PATH: browser,
  NEXT_TELEMETRY_DISABLED: "1",
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
};
const bin = (name) => `node_modules/.bin/${name}`;

run("npm", ["run", "--silent", "lint"], { env });
run(bin("tsc"), ["--noEmit"], { env });
run(bin("vitest"), ["run"], { env });
run(bin("next"), ["build"], { env });
run(bin("playwright"), ["test"], { env });
console.log("\n[test] all test stages passed");
