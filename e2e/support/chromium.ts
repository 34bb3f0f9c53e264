// Where Playwright finds Chromium: we never use Playwright's downloaded builds (they cannot be fetched
// here), only a system Chromium. Flags keep it from calling home on a closed network.
import { existsSync } from "node:fs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function chromiumExecutablePath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}: install Debian's chromium or set CHROMIUM_PATH (npm test does this).`);
  }
  return path;
}
