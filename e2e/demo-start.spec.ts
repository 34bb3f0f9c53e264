// `npm start` with no ASSETPAY_API_KEY: demo mode on the built-in simulator. Runs the real script as
// a child process on free ports, signs in with the credentials it prints, and checks that Ctrl-C
// (SIGINT) closes both the dashboard's and the simulator's ports. The first screen must show stalled,
// held, reverted and failed trades and funding (the simulator's earlier history, imported at start);
// DEMO_SCREENSHOT=<file> saves it at 1440×900.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { buildState } from "../scripts/lib/build-freshness";
import { expect, test } from "./support/fixtures";
import { freePort } from "./support/ports";
import { socketAccepts } from "./support/tokens";

const ROOT = path.resolve(__dirname, "..");
/** Configuration the operator might have in their shell: demo mode means none of it. */
const CLEARED = /^(ASSETPAY_|STAFF_ACCOUNTS$|AUTH_SECRET$|AUTH_URL$|NEXTAUTH_|DEMO_PASSWORD$|SIM_|DATABASE_URL$)/;

interface Printed {
  url: string;
  simulatorUrl: string;
  email: string;
  password: string;
}

function waitForBanner(child: ChildProcess, output: () => string, timeoutMs: number): Promise<Printed> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`npm start printed no demo banner within ${timeoutMs} ms:\n${output()}`)), timeoutMs);
    const check = () => {
      const text = output();
      const url = /Dashboard:\s+(http:\/\/\S+)/.exec(text)?.[1];
      const simulatorUrl = /Simulator:\s+(http:\/\/\S+)/.exec(text)?.[1];
      const email = /Email:\s+(\S+)/.exec(text)?.[1];
      const password = /Password:\s+(\S+)/.exec(text)?.[1];
      if (url && simulatorUrl && email && password && /Press Ctrl-C/.test(text)) done(null, { url, simulatorUrl, email, password });
    };
    const exited = (code: number | null) => done(new Error(`npm start exited (${code}) before it was ready:\n${output()}`));
    function done(error: Error | null, printed?: Printed) {
      clearTimeout(timer);
      child.stdout?.off("data", check);
      child.off("exit", exited);
      if (error) reject(error);
      else if (printed) resolve(printed);
    }
    child.stdout?.on("data", check);
    child.once("exit", exited);
  });
}

function portIsClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

test("npm start without ASSETPAY_API_KEY serves the dashboard on the simulator and stops on Ctrl-C", async ({ page }) => {
  test.setTimeout(120_000);
  const state = buildState(ROOT);
  // npm test builds before the end-to-end stage; a rebuild here would rewrite .next under the shared app.
  if (state.stale) throw new Error(`the production build is stale (${state.reason}): run \`npx next build\` first`);

  const port = await freePort();
  const simPort = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), SIM_PORT: String(simPort) };
  for (const name of Object.keys(env)) if (CLEARED.test(name) && name !== "SIM_PORT") delete env[name];
  const logDir = path.join(ROOT, "test-results", "servers");
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(path.join(logDir, "demo-start.log"));
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    log.write(chunk);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    log.write(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  try {
    const printed = await waitForBanner(child, () => output, 90_000);
    expect(output).not.toMatch(/building/i);
    expect(printed.url).toBe(`http://127.0.0.1:${port}`);
    expect(printed.simulatorUrl).toBe(`http://127.0.0.1:${simPort}`);
    expect(printed.email).toBe("demo@assetpay.local");

    await page.goto(printed.url);
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByText("Demo mode: running against the built-in AssetPay simulator")).toBeVisible();
    await expect(page.getByText(printed.email).first()).toBeVisible();
    await page.getByLabel("Email").fill(printed.email);
    await page.getByLabel("Password").fill(printed.password);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${printed.url}/board`);
    await expect(page.getByRole("banner")).toContainText(printed.email);

    // The first screen shows the simulator's earlier history, which no socket carried: npm start
    // imported its refs through the recorder. Every kind of state, within 10 s.
    const status = page.getByRole("group", { name: "Status" });
    await expect(page.getByRole("button", { name: /^Stalled\D*[1-9]/ })).toBeVisible({ timeout: 10_000 });
    for (const name of [/^On hold [1-9]/, /^Reverted [1-9]/, /^Failed [1-9]/]) await expect(status.getByRole("button", { name })).toBeVisible({ timeout: 10_000 });
    await expect(page.locator("[data-funding-id]").first()).toBeVisible({ timeout: 10_000 });
    if (process.env.DEMO_SCREENSHOT) await page.screenshot({ path: process.env.DEMO_SCREENSHOT });

    // The demo wiring end to end: the dashboard's token opens a socket on the printed simulator.
    const grant = await page.evaluate(async () => (await fetch("/api/assetpay/token", { method: "POST" })).json() as Promise<{ token: string; wsUrl: string }>);
    expect(grant.wsUrl).toBe(printed.simulatorUrl);
    expect(await socketAccepts(grant.wsUrl, grant.token)).toBe(true);

    process.kill(child.pid ?? 0, "SIGINT");
    const code = await Promise.race([exited, new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 15_000))]);
    expect(code).toBe(0);
    expect(await portIsClosed(port)).toBe(true);
    expect(await portIsClosed(simPort)).toBe(true);
  } finally {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    log.end();
  }
});
