// The recorder process with a bad configuration: every bad variable on its own line, exit 1, before it
// opens any storage. Runs the real entry point in a child process, as `npm run recorder` would.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs recorder/main.ts; if it does not exit by itself (it got past the check), its whole group is killed. */
function runRecorder(env: Record<string, string>): Promise<Outcome> {
  const tsx = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, "--conditions=react-server", "recorder/main.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", ...env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const guard = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      reject(new Error(`the recorder did not stop on a bad configuration:\n${stdout}${stderr}`));
    }, 45_000);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("the recorder with a bad configuration", () => {
  it("prints every bad variable, never its value, and exits 1 before opening storage", { timeout: 60_000 }, async () => {
    const { code, stdout, stderr } = await runRecorder({ DATABASE_URL: "mysql://ops:hunter2@db/ops", RECORDER_RETENTION_DAYS: "0" });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^\[recorder\] ASSETPAY_API_KEY: not set; /),
      expect.stringMatching(/^\[recorder\] DATABASE_URL: expected a Postgres URL/),
      expect.stringMatching(/^\[recorder\] RECORDER_RETENTION_DAYS: expected days/),
    ]);
    expect(stdout + stderr).not.toContain("hunter2");
    expect(stdout).not.toContain("storage:");
  });
});
